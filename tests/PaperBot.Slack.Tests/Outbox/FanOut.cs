using System.Globalization;
using PaperBot.Core.Channels;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;

namespace PaperBot.Slack.Tests.Outbox;

/// <summary>
/// A fan-out of <see cref="Papers"/> to <see cref="Channels"/> Slack channels: the bot as it is wired (real
/// <see cref="DeliveryDispatcher"/>, Slack adapter, LiteDB file) against a <see cref="FakeSlack"/> that enforces
/// Slack's rate limits, on the bot's fake clock moved by a <see cref="ClockPump"/>.
/// </summary>
/// <remarks>
/// <see cref="StartFirstRoundAsync"/> runs the first delivery round until every channel has its first paper and
/// the pacer holds each channel's second one for a second: that is "mid-fan-out". Nothing a test scripts before
/// calling <see cref="DeliverUntilNothingOwedAsync"/> can be taken by a request of the first wave.
/// </remarks>
internal sealed class FanOut : IAsyncDisposable
{
    public const int Channels = 20;

    /// <summary>A channel that gets no answer at all would hang a round; this only bounds a failing test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Far more than the faults scripted here can cost: each failed attempt takes at least one fault, and a round
    /// runs at the earliest retry, so there is at most one round per failed attempt plus the first.
    /// </summary>
    private const int MaxRounds = 20;

    private readonly ClockPump _pump;

    public static readonly Paper[] Papers =
    [
        TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5),
        TestPapers.Make("2611.00011", "Agents for tool use", upvotes: 9),
        TestPapers.Make("2611.00012", "Debating agents", upvotes: 2),
    ];

    private FanOut(FakeSlack slack, SlackBotHost bot)
    {
        Slack = slack;
        Bot = bot;
        _pump = new ClockPump(bot.Time);
    }

    public FakeSlack Slack { get; }

    public SlackBotHost Bot { get; }

    public FaultPlan Faults => Slack.Faults;

    public static IEnumerable<ChannelRef> ChannelRefs =>
        Enumerable.Range(1, Channels).Select(i => new ChannelRef("slack", "C0FANOUT" + i.ToString("D2", CultureInfo.InvariantCulture)));

    /// <summary>Every (paper, channel) delivery id, sorted.</summary>
    public static IReadOnlyList<string> Expected { get; } =
        [.. ChannelRefs.SelectMany(c => Papers.Select(p => Delivery.IdFor(c, p.ArxivId))).Order(StringComparer.Ordinal)];

    public static async Task<FanOut> StartAsync(bool socketMode = false)
    {
        var slack = await FakeSlack.StartAsync();
        var bot = await SlackBotHost.StartAsync(slack, socketMode);
        slack.Limits = new SlackLimits(bot.Time);
        if (socketMode)
        {
            await slack.Socket.WaitForConnectionsAsync(1);
        }

        var now = bot.Time.GetUtcNow();
        var owed = ChannelRefs.SelectMany(c => Papers.Select(p => Delivery.New(c, p.ArxivId, ["agents"], now))).ToList();
        bot.Store.RecordPoll(Papers, owed, new PollState(true, now, TestPapers.Day));
        return new FanOut(slack, bot);
    }

    /// <summary>
    /// Starts the first round and returns it (still running) once every channel's first paper is posted and has
    /// its save reaction: the clock is held, so each channel now waits a second for its next post.
    /// </summary>
    public async Task<Task<int>> StartFirstRoundAsync()
    {
        var round = Bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);

        // The reaction comes after the post's answer, and the reaction budget covers all 20 first posts.
        await Slack.WaitForCallsAsync("reactions.add", Channels, Patience);
        Assert.Equal(Channels, Slack.CallsTo("chat.postMessage").Count);
        Assert.False(round.IsCompleted, "The first round should be waiting for the clock with 40 posts to go.");
        return round;
    }

    /// <summary>
    /// Lets the clock go on, finishes <paramref name="firstRound"/>, then runs rounds until nothing is owed, each
    /// once the earliest retry falls due (the test moves the clock no further than that). Returns how many rounds it took.
    /// </summary>
    public async Task<int> DeliverUntilNothingOwedAsync(Task<int> firstRound)
    {
        _pump.Start();
        await firstRound.WaitAsync(Patience);
        var dispatcher = Bot.Get<DeliveryDispatcher>();
        var rounds = 1;
        for (var owed = Bot.Store.Pending(); owed.Count > 0; owed = Bot.Store.Pending())
        {
            Assert.True(++rounds <= MaxRounds, $"Still owed after {MaxRounds} rounds: {string.Join(", ", owed.Select(d => $"{d.Id} {d.State} ({d.LastError})"))}");
            var now = Bot.Time.GetUtcNow();
            var due = OutboxSchedule.NextRoundAt(owed, now);
            if (due > now)
            {
                Bot.Time.Advance(due - now);
            }

            await dispatcher.DeliverPendingAsync(CancellationToken.None).WaitAsync(Patience);
        }

        return rounds;
    }

    /// <summary>
    /// Every (paper, channel) pair is exactly one message in its channel, carried out by exactly one accepted
    /// chat.postMessage, and recorded as sent with that message's ts; nothing failed, nothing owed, and Slack's own
    /// per-channel limit never had to refuse a post (the pacer kept to it through every fault).
    /// </summary>
    public void AssertEveryPaperPostedOnceInEveryChannel()
    {
        var messages = Slack.History.Messages;
        var posted = messages.Select(m => m.DeliveryId ?? "(no delivery id)").ToList();
        var twice = posted.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"Posted more than once: {string.Join(", ", twice)}");
        var missing = Expected.Except(posted).ToList();
        Assert.True(missing.Count == 0, $"Never posted: {string.Join(", ", missing)}");
        Assert.Equal(Expected, posted.Order(StringComparer.Ordinal));
        var accepted = Slack.CallsTo("chat.postMessage").Where(c => !c.Refused).Select(DeliveryIdOf);
        Assert.Equal(Expected, accepted.Order(StringComparer.Ordinal));

        foreach (var message in messages)
        {
            var delivery = Bot.Store.FindDelivery(message.DeliveryId!);
            Assert.NotNull(delivery);
            Assert.Equal(message.Channel, delivery.Channel.Id);
            Assert.Equal(DeliveryState.Sent, delivery.State);
            Assert.Equal(message.Ts, delivery.MessageId);
            Assert.Equal(delivery.ArxivId, Bot.Store.FindPost(delivery.Channel, message.Ts)?.ArxivId);
        }

        Assert.Empty(Bot.Store.Pending());
        Assert.Empty(Slack.Limits!.TooManyRequests);
    }

    /// <summary>The stored deliveries, for what a test wants to know about their attempts.</summary>
    public IReadOnlyList<Delivery> Deliveries() => [.. Expected.Select(id => Bot.Store.FindDelivery(id)!)];

    public static string DeliveryIdOf(FakeSlackCall call) =>
        call.Json.GetProperty("metadata").GetProperty("event_payload").GetProperty("delivery_id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await _pump.DisposeAsync();
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
