using LiteDB;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

/// <summary>
/// PaperBot's state in one LiteDB 5 file: papers, channels, subscriptions, the delivery outbox, posted messages,
/// reading lists and poll state. Implements every Core storage port; the per-port members live in the
/// <c>LiteDbStore.*.cs</c> partial files.
/// </summary>
public sealed partial class LiteDbStore : IPaperBotStore, IOpenedStore
{
    // LiteDB 5 ties an explicit transaction to the thread that began it, and the bot calls in from the poller,
    // the delivery loop and command handlers at once. One lock around every operation keeps each transaction on
    // one thread with nothing interleaved into it. The bot writes a few times a minute, so serialising is free.
    private readonly Lock _gate = new();
    private readonly LiteDatabase _db;
    private readonly StoreFileLock? _fileLock;
    private readonly ILiteCollection<PaperDoc> _papers;
    private readonly ILiteCollection<ChannelDoc> _channels;
    private readonly ILiteCollection<SubscriptionDoc> _subscriptions;
    private readonly ILiteCollection<SavedDoc> _saved;
    private readonly ILiteCollection<InboundEventDoc> _inboundEvents;
    private readonly ILiteCollection<DeliveryDoc> _deliveries;

    /// <summary>The same collection as BSON documents, for the outbox marks (<see cref="DeliveryRow"/>).</summary>
    private readonly ILiteCollection<BsonDocument> _deliveryRows;
    private readonly ILiteCollection<PostDoc> _posts;
    private readonly ILiteCollection<BsonDocument> _postRows;
    private readonly ILiteCollection<PollStateDoc> _pollState;
    private readonly ILiteCollection<SequenceDoc> _sequences;
    private bool _disposed;

    /// <summary>The latest papers-day, once read (null: not known); see <see cref="LatestListedDay"/>.</summary>
    private System.Runtime.CompilerServices.StrongBox<DateOnly?>? _latestListedDay;

    /// <summary>The rows of deliveries still owed, as stored (under <c>_gate</c>): marking one reads no query.</summary>
    private readonly OwedDeliveries _owed = new();

    /// <summary>fsyncs LiteDB's log after each batch of writes.</summary>
    private readonly LogFileSync _logSync;

    /// <summary>The model whose vectors every paper had at that count of paper writes (under <c>_gate</c>), or null.</summary>
    private (string Model, long PaperWrites)? _allEmbedded;

    /// <summary>Writes to the papers so far (<see cref="ChangeStamp"/>).</summary>
    private long _paperWrites;

    /// <summary>Group commit: writes waiting for the next batch, and whether a batch is running (under <c>_queueGate</c>).</summary>
    private readonly Lock _queueGate = new();
    private List<QueuedWrite> _queue = [];
    private bool _batchRunning;

    /// <summary>The managed thread id of the thread running a batch (inside <c>_gate</c>), or 0.</summary>
    private int _batchThread;

    private LiteDbStore(LiteDatabase db, StoreFileLock? fileLock, string location)
    {
        _db = db;
        _fileLock = fileLock;
        Location = location;
        _logSync = new LogFileSync(location);
        _papers = db.GetCollection<PaperDoc>("papers");
        _channels = db.GetCollection<ChannelDoc>("channels");
        _subscriptions = db.GetCollection<SubscriptionDoc>("subscriptions");
        _saved = db.GetCollection<SavedDoc>("saved");
        _inboundEvents = db.GetCollection<InboundEventDoc>("inbound_events");
        _deliveries = db.GetCollection<DeliveryDoc>("deliveries");
        _deliveryRows = db.GetCollection("deliveries");
        _posts = db.GetCollection<PostDoc>("posts");
        _postRows = db.GetCollection("posts");
        _pollState = db.GetCollection<PollStateDoc>("meta");
        _sequences = db.GetCollection<SequenceDoc>("meta");

        Upgrades = StoreUpgrade.Run(db, location);
        _papers.EnsureIndex(x => x.ListedOn);
        _subscriptions.EnsureIndex(x => x.ChannelKey);
        _saved.EnsureIndex(x => x.UserKey);
        _deliveries.EnsureIndex(x => x.State);

        // LatestSent's page of the newest sends, however long the history grows.
        _deliveries.EnsureIndex("SentTicks", "$.SentAt.UtcTicks");
        Embeddings.EnsureIndex(x => x.Model);
    }

    /// <summary>What opening the store upgraded in its data (one sentence each, for the log); empty when it was current.</summary>
    public IReadOnlyList<string> Upgrades { get; }

    /// <summary>The database file's absolute path, or <c>:memory:</c>.</summary>
    public string Location { get; }

    public string Description => $"LiteDB at {Location}";

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/>, relative to the working directory,
    /// and holds its lock file until disposed.
    /// </summary>
    /// <exception cref="StoreLockedException">Another store, in this process or another, has the file open.</exception>
    /// <exception cref="StoreOpenException">The file exists but is not a readable PaperBot database.</exception>
    public static LiteDbStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);

        // Lock first: even reading the header of a file another process is writing proves nothing.
        var fileLock = StoreFileLock.Acquire(fullPath);
        LiteDatabase? db = null;
        try
        {
            DataFileCheck.EnsureLiteDbOrNew(fullPath);
            var connection = new ConnectionString
            {
                Filename = fullPath,
                Connection = ConnectionType.Direct,
                Collation = Collation.Binary,
            };
            db = new LiteDatabase(connection, StoreMapper.Instance);
            return new LiteDbStore(db, fileLock, fullPath);
        }
        catch (Exception ex)
        {
            db?.Dispose();
            fileLock.Dispose();
            if (ex is StoreOpenException)
            {
                throw;
            }

            // Whatever LiteDB trips over in a damaged file, the operator needs the path, not a stack trace.
            throw new StoreOpenException(fullPath, $"LiteDB cannot read it ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;

            // Closing checkpoints whatever a write committed but has not made durable yet. The database closes before
            // the lock file is released so that a successor never overlaps with this store's last writes.
            _db.Dispose();
            _fileLock?.Dispose();
        }
    }
}
