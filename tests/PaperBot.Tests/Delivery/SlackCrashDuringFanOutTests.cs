using System.Text.RegularExpressions;
using PaperBot.Core.Channels;
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

    private CrashRig _rig = null!;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        _rig = await CrashRig.StartAsync();
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_KilledAtRandomPointsThenRestarted_EveryPaperIsOneMessageInEveryChannel()
    {
        var random = new Random(20261126);
        var reconciled = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var channels = Enumerable.Range(1, ChannelsPerTrial).Select(i => $"C0T{trial:D2}CH{i}").ToArray();
            var database = _rig.Seed(trial, channels.Select(Channel), "slack:U0TESTER");
            var expected = channels.SelectMany(c => CrashRig.Fresh.Select(p => Core.Storage.Delivery.IdFor(Channel(c), p.ArxivId))).ToHashSet();

            // Held trials kill during the first wave (at most one post per channel is in progress), with every
            // message of that wave posted by Slack and none of them known to PaperBot.
            var held = trial % 2 == 0 ? _slack.Hold("chat.postMessage") : null;
            var before = _slack.CallsTo("chat.postMessage").Count;
            var killAt = before + random.Next(1, (held is null ? expected.Count : ChannelsPerTrial) + 1);
            await using (var bot = BotProcess.Start(Environment(database), closeInput: true))
            {
                await CrashRig.WithOutputAsync(bot, _slack.WaitForCallsAsync("chat.postMessage", killAt, CrashRig.Patience));
                await bot.InterruptAsync(CrashRig.SigKill);
            }

            if (held is not null)
            {
                held.TrySetResult();
                await LandedAsync(_slack.CallsTo("chat.postMessage").Count(c => !c.Refused));
            }

            // A delivery in flight at the kill is posted again, or found in the channel's history and not posted again.
            var logs = await CrashRig.RestartUntilDeliveredAsync(database, trial, Environment(database),
                id => [$"Posted {id} to", $"Delivery {id} was in doubt"]);
            reconciled += logs.Sum(log => Regex.Count(log, "was in doubt .* had landed"));
            AssertExactlyOnce(channels, expected, trial);
        }

        output.WriteLine($"{Trials} trials: {_slack.History.Count} messages posted, {reconciled} in-doubt deliveries found in the history and not posted again");
        Assert.True(reconciled > 0, "Some trial should have left a posted delivery in doubt for the history to settle");
    }

    /// <summary>Waits until the fake has posted every held message (it does so once released, after the kill).</summary>
    private async Task LandedAsync(int accepted)
    {
        var deadline = DateTime.UtcNow + CrashRig.Patience;
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

    private Dictionary<string, string> Environment(string database) => new(_rig.Environment(database))
    {
        ["PaperBot__Slack__BotToken"] = "xoxb-fake-bot",
        ["PaperBot__Slack__SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
        ["PaperBot__Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
    };

    private static ChannelRef Channel(string id) => new("slack", id);
}
