using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Tests.Support;

/// <summary>
/// What the SIGKILL fan-out tests share: a fake listing with one paper already seen and three new ones, a temp
/// folder with one LiteDB file per trial seeded as on a bot that has been running, and the process settings.
/// </summary>
internal sealed class CrashRig : IAsyncDisposable
{
    public const int SigKill = 9;

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static readonly Paper[] Known = [TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40)];

    /// <summary>The papers every trial fans out.</summary>
    public static readonly Paper[] Fresh =
    [
        TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5),
        TestPapers.Make("2611.00011", "Agents for tool use", upvotes: 9),
        TestPapers.Make("2611.00012", "Debating agents", upvotes: 2),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-crash-tests", Guid.NewGuid().ToString("N"));

    private CrashRig(FakeListingServer listing) => Listing = listing;

    public FakeListingServer Listing { get; }

    public static async Task<CrashRig> StartAsync()
    {
        var rig = new CrashRig(await FakeListingServer.StartAsync());
        Directory.CreateDirectory(rig._folder);
        rig.Listing.SetPage("/papers", ListingDocuments.PageHtml([.. Known, .. Fresh], TestPapers.Day));
        return rig;
    }

    /// <summary>A fresh database for <paramref name="trial"/>: the channels subscribed, a first poll already done.</summary>
    public string Seed(int trial, IEnumerable<ChannelRef> channels, string createdBy)
    {
        var database = Path.Combine(_folder, $"trial-{trial}.db");
        using var store = LiteDbStore.Open(database);
        var now = DateTimeOffset.UtcNow;
        foreach (var channel in channels)
        {
            store.AddSubscription(channel, "agents", createdBy, now);
        }

        store.RecordPoll(Known, [], new PollState(true, now, TestPapers.Day));
        return database;
    }

    /// <summary>The ids of the deliveries still owed in <paramref name="database"/> (no bot may hold it).</summary>
    private static List<string> Owed(string database)
    {
        using var store = LiteDbStore.Open(database);
        return [.. store.Pending().Select(d => d.Id)];
    }

    /// <summary>The process settings every trial shares; the test adds its platform's.</summary>
    public Dictionary<string, string> Environment(string database) => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = Listing.BaseUrl,
        ["PaperBot__HuggingFace__RetryBaseDelay"] = "00:00:00.050",
        ["PaperBot__Storage__Path"] = database,
        ["PaperBot__Console__Commands"] = "false",
        ["Urls"] = "http://127.0.0.1:0",
    };

    /// <summary>
    /// Restarts PaperBot on <paramref name="database"/> until nothing is owed. Each run waits until every delivery it
    /// owed has logged one of the lines <paramref name="settledBy"/> names for its id (lines logged only after the
    /// sent mark is written, so the delivery is done for good), then stops PaperBot cleanly. Returns each run's log.
    /// </summary>
    public static async Task<List<string>> RestartUntilDeliveredAsync(
        string database, int trial, IReadOnlyDictionary<string, string> environment, Func<string, string[]> settledBy)
    {
        var logs = new List<string>();
        for (var run = 1; ; run++)
        {
            var owed = Owed(database);
            if (owed.Count == 0)
            {
                return logs;
            }

            Assert.True(run <= 3, $"Trial {trial}: still owed after {run - 1} restarts: {string.Join(", ", owed)}");
            await using var bot = BotProcess.Start(environment, closeInput: true);
            foreach (var id in owed)
            {
                var lines = settledBy(id);
                await bot.WaitForStderrAsync(log => lines.Any(line => log.Contains(line, StringComparison.Ordinal)),
                    $"one of \"{string.Join("\", \"", lines)}\" (trial {trial})", Patience);
            }

            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
            logs.Add(bot.Stderr);
        }
    }

    /// <summary>Awaits <paramref name="wait"/>; a timeout carries the end of PaperBot's log.</summary>
    public static async Task WithOutputAsync(BotProcess bot, Task wait)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException ex)
        {
            var stderr = bot.Stderr;
            throw new TimeoutException($"{ex.Message}\nPaperBot's log (end):\n{stderr[Math.Max(0, stderr.Length - 4000)..]}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Listing.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
