using System.Collections.Concurrent;

namespace PaperBot.Core.Outbox;

/// <summary>What one round has learnt so far and its send slots, shared by the channels it serves in parallel.</summary>
internal sealed class RoundState(int slots) : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _dueGate = new();
    private readonly ConcurrentDictionary<string, Lazy<Papers.Paper?>> _papers = new(StringComparer.Ordinal);
    private int _sent;
    private DateTimeOffset? _nextDue;

    /// <summary>
    /// The papers this round posts, read once each: a fan-out posts the same few papers to many channels, which all
    /// ask at once when the round starts. The first asker reads the store; the others wait for that read instead of
    /// each running their own (GetOrAdd alone runs every concurrent factory, a thousand reads of one paper).
    /// </summary>
    public Papers.Paper? Paper(string arxivId, Func<string, Papers.Paper?> read) =>
        _papers.GetOrAdd(arxivId, id => new Lazy<Papers.Paper?>(() => read(id), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Held while a post is in progress; async waiters are served in arrival order.</summary>
    public SemaphoreSlim Slots { get; } = new(slots, slots);

    public void Dispose() => Slots.Dispose();

    public int Sent => _sent;

    public void CountSent() => Interlocked.Increment(ref _sent);

    /// <summary>The earliest retry time noted so far.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_dueGate)
            {
                return _nextDue;
            }
        }
    }

    public void NoteDue(DateTimeOffset due)
    {
        lock (_dueGate)
        {
            if (_nextDue is null || due < _nextDue)
            {
                _nextDue = due;
            }
        }
    }

    public bool PlatformDown(string platform) => _down.ContainsKey(platform);

    public void MarkPlatformDown(string platform) => _down[platform] = true;
}
