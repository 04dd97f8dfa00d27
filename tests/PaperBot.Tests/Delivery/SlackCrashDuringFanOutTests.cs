using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using PaperBot.Tests.Support;
using Xunit.Abstractions;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// The real paperbot process posting 3 new papers to 4 Slack channels is SIGKILLed at a random point of the fan-out
/// and restarted on the same LiteDB file until its outbox is empty. Every (paper, channel) pair must be exactly one
/// message in the fake Slack.
/// </summary>
/// <remarks>
/// Slack has no idempotency key for chat.postMessage, so exactly-once rests on the delivery id PaperBot puts in each
/// message's metadata: a delivery found in flight after a restart is looked up in the channel's recent history
/// (conversations.history) and recorded as sent if it is there, posted only if it is not. Half the trials hold
/// Slack's answers, so the kill surely lands after Slack posted a message but before PaperBot heard of it.
/// Slack's one-post-a-second pacing makes each trial take seconds, so there are fewer than the Discord test's 20.
/// </remarks>
public sealed class SlackCrashDuringFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Trials = 8;
    private const int ChannelsPerTrial = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Paper[] Known = [TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40)];

    private static readonly Paper[] Fresh =
    [
        TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5),
        TestPapers.Make("2611.00011", "Agents for tool use", upvotes: 9),
        TestPapers.Make("2611.00012", "Debating agents", upvotes: 2),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-crash-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _listing = null!;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _listing = await FakeListingServer.StartAsync();
        _listing.SetPage("/papers", ListingDocuments.PageHtml([.. Known, .. Fresh], TestPapers.Day));
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _listing.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task FanOut_KilledAtRandomPointsThenRestarted_EveryPaperIsOneMessageInEveryChannel()
    {
        var random = new Random(20261126);
        var reconciled = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var channels = Enumerable.Range(1, ChannelsPerTrial).Select(i => $"C0T{trial:D2}CH{i}").ToArray();
            var database = Path.Combine(_folder, $"trial-{trial}.db");
            Seed(database, channels);
            var expected = channels.SelectMany(c => Fresh.Select(p => Core.Storage.Delivery.IdFor(Channel(c), p.ArxivId))).ToHashSet();

            // Held trials kill during the first wave (at most one post per channel is in progress), with every
            // message of that wave posted by Slack and none of them known to PaperBot.
            var held = trial % 2 == 0 ? _slack.Hold("chat.postMessage") : null;
            var before = _slack.CallsTo("chat.postMessage").Count;
            var killAt = before + random.Next(1, (held is null ? expected.Count : ChannelsPerTrial) + 1);
            await using (var bot = BotProcess.Start(Environment(database), closeInput: true))
            {
                await WithOutputAsync(bot, _slack.WaitForCallsAsync("chat.postMessage", killAt, Patience));
                await bot.InterruptAsync(SigKill);
            }

            if (held is not null)
            {
                held.TrySetResult();
                await LandedAsync(_slack.CallsTo("chat.postMessage").Count(c => !c.Refused));
            }

            reconciled += await RestartUntilDeliveredAsync(database, trial);
            AssertExactlyOnce(channels, expected, trial);
        }

        output.WriteLine($"{Trials} trials: {_slack.History.Count} messages posted, {reconciled} in-doubt deliveries found in the history and not posted again");
        Assert.True(reconciled > 0, "Some trial should have left a posted delivery in doubt for the history to settle");
    }

    /// <summary>Restarts PaperBot until nothing is owed; returns how many deliveries the history showed had landed.</summary>
    private async Task<int> RestartUntilDeliveredAsync(string database, int trial)
    {
        var reconciled = 0;
        for (var run = 1; ; run++)
        {
            var owed = Owed(database);
            if (owed.Count == 0)
            {
                return reconciled;
            }

            Assert.True(run <= 3, $"Trial {trial}: still owed after {run - 1} restarts: {string.Join(", ", owed)}");
            await using var bot = BotProcess.Start(Environment(database), closeInput: true);
            foreach (var id in owed)
            {
                // Both lines are logged after the sent mark is written: once out, the delivery is done for good.
                await bot.WaitForStderrAsync(
                    log => log.Contains($"Posted {id} to", StringComparison.Ordinal) || log.Contains($"Delivery {id} was in doubt", StringComparison.Ordinal),
                    $"delivery {id} to be posted or found (trial {trial})", Patience);
            }

            reconciled += owed.Count(id => bot.Stderr.Contains($"Delivery {id} was in doubt", StringComparison.Ordinal));
            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
        }
    }

    /// <summary>Waits until the fake has posted every held message (it does so once released, after the kill).</summary>
    private async Task LandedAsync(int accepted)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (_slack.History.Count < accepted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The fake posted {_slack.History.Count} of {accepted} held messages");
            await Task.Delay(20);
        }
    }

    private void AssertExactlyOnce(string[] channels, HashSet<string> expected, int trial)
    {
        var posted = _slack.History.Messages.Where(m => channels.Contains(m.Channel)).Select(m => m.DeliveryId ?? "").ToList();
        Assert.True(posted.Count == posted.Distinct().Count(), $"Trial {trial}: a paper was posted twice in a channel: {string.Join(", ", posted)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), posted.Order(StringComparer.Ordinal));
    }

    private static async Task WithOutputAsync(BotProcess bot, Task wait)
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

    /// <summary>Subscriptions for the trial's channels, and a first poll already done, as on a bot that has been running.</summary>
    private static void Seed(string database, string[] channels)
    {
        using var store = LiteDbStore.Open(database);
        var now = DateTimeOffset.UtcNow;
        foreach (var channel in channels)
        {
            store.AddSubscription(Channel(channel), "agents", "slack:U0TESTER", now);
        }

        store.RecordPoll(Known, [], new PollState(true, now, TestPapers.Day));
    }

    private static List<string> Owed(string database)
    {
        using var store = LiteDbStore.Open(database);
        return [.. store.Pending().Select(d => d.Id)];
    }

    private Dictionary<string, string> Environment(string database) => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = _listing.BaseUrl,
        ["PaperBot__HuggingFace__RetryBaseDelay"] = "00:00:00.050",
        ["PaperBot__Storage__Path"] = database,
        ["PaperBot__Console__Commands"] = "false",
        ["PaperBot__Slack__BotToken"] = "xoxb-fake-bot",
        ["PaperBot__Slack__SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
        ["PaperBot__Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
        ["Urls"] = "http://127.0.0.1:0",
    };

    private static ChannelRef Channel(string id) => new("slack", id);

    private const int SigKill = 9;
}
