using System.Diagnostics;
using System.Globalization;
using System.Net;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Slack.Inbound;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests.Http;

/// <summary>
/// Slack's 3-second acknowledgement holds however long commands take and however many arrive at once: 50 signed
/// slash commands of a command that blocks its thread are all acknowledged once the ack budget has passed, and
/// answered through response_url once the commands finish. Events API events (save reactions) are acknowledged the
/// same way: in time, before their store writes have run, and applied once the gate gets to them.
/// </summary>
public sealed class AckDeadlineTests : IAsyncLifetime
{
    private const int AtOnce = 50;

    /// <summary>What is left of PaperBot's 2.5 s target after the ack budget.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2.5) - SlackCommandRunner.AckBudget;

    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task StuckCommand_50AtOnce_EveryOneAcknowledgedInTimeThenAnswered()
    {
        var requests = Enumerable.Range(0, AtOnce)
            .Select(i => Task.Run(() => _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("stuck", _bot.NextTrigger(), _slack.ResponseUrl("stuck")))))
            .ToList();

        // Every request waits out the ack budget on the clock while the gate's workers are stuck in the command.
        await _bot.Time.WaitForTimerAsync(SlackCommandRunner.AckBudget, skip: AtOnce - 1);
        var workers = _bot.Get<CommandGate>().Workers;
        await _bot.Stuck.WaitUntilStartedAsync(workers, TimeSpan.FromSeconds(20));
        Assert.Equal(workers, _bot.Stuck.Started);
        Assert.All(requests, r => Assert.False(r.IsCompleted));

        var clock = Stopwatch.StartNew();
        _bot.Time.Advance(SlackCommandRunner.AckBudget);
        var responses = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(20));
        var acknowledged = clock.Elapsed;

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
            response.Dispose();
        }

        Assert.True(acknowledged < AnswerWithin, $"the acknowledgements took {acknowledged.TotalMilliseconds:F0} ms after the ack budget");

        _bot.Stuck.Release();
        await _slack.WaitForCallsAsync("response/stuck", AtOnce);
        Assert.Equal(AtOnce, _bot.Stuck.Started);
    }

    [Fact]
    public async Task SaveReactions_BehindStuckCommands_AcknowledgedInTimeThenAppliedOnce()
    {
        const int Reactions = 20;
        var ts = await _bot.PostPaperAsync(TestPapers.Make("2509.04664", "Agents that plan"), SlackPayloads.General);
        var workers = _bot.Get<CommandGate>().Workers;
        var stuck = Enumerable.Range(0, workers)
            .Select(i => Task.Run(() => _bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("stuck", _bot.NextTrigger(), _slack.ResponseUrl("stuck")))))
            .ToList();
        await _bot.Stuck.WaitUntilStartedAsync(workers, TimeSpan.FromSeconds(20));

        // Every gate worker is held, so no reaction's work (duplicate check, save) can run before the acknowledgements.
        var users = Enumerable.Range(0, Reactions).Select(i => "U0READER" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        var events = users
            .Select((user, i) => Task.Run(() => _bot.PostSignedAsync("/slack/events",
                SlackPayloads.Reaction("reaction_added", "EvStuck" + i.ToString(CultureInfo.InvariantCulture), user, SlackPayloads.General, ts), "application/json")))
            .ToList();
        await _bot.Time.WaitForTimerAsync(SlackCommandRunner.AckBudget, skip: workers + Reactions - 1);
        Assert.All(events, e => Assert.False(e.IsCompleted));

        var clock = Stopwatch.StartNew();
        _bot.Time.Advance(SlackCommandRunner.AckBudget);
        var responses = await Task.WhenAll(events).WaitAsync(TimeSpan.FromSeconds(20));
        var acknowledged = clock.Elapsed;
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(acknowledged < AnswerWithin, $"the acknowledgements took {acknowledged.TotalMilliseconds:F0} ms after the ack budget");
        Assert.All(users, u => Assert.Empty(_bot.Store.ListSaved(new UserRef("slack", u))));

        _bot.Stuck.Release();
        await _bot.Logs.Logged.WaitAsync(() => _bot.Logs.Lines.Count(l => l.Text.Contains("by reaction", StringComparison.Ordinal)) == Reactions,
            "every reaction to be applied", TimeSpan.FromSeconds(20));

        // Slack retries one event whose acknowledgement it missed: the inbound log keeps it from being applied twice.
        using (var retry = await _bot.PostSignedAsync("/slack/events",
            SlackPayloads.Reaction("reaction_added", "EvStuck0", users[0], SlackPayloads.General, ts), "application/json"))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        Assert.All(users, u => Assert.Equal("2509.04664", Assert.Single(_bot.Store.ListSaved(new UserRef("slack", u))).ArxivId));
        Assert.Contains(_bot.Logs.Lines, l => l.Text.Contains("EvStuck0", StringComparison.Ordinal));
        foreach (var response in responses.Concat(await Task.WhenAll(stuck)))
        {
            response.Dispose();
        }
    }
}
