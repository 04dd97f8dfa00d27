using System.Diagnostics;
using System.Net;
using PaperBot.Core.Commands;
using PaperBot.Slack.Inbound;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests.Http;

/// <summary>
/// Slack's 3-second acknowledgement holds however long commands take and however many arrive at once: 50 signed
/// slash commands of a command that blocks its thread are all acknowledged once the ack budget has passed, and
/// answered through response_url once the commands finish.
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
}
