using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Interactions;

/// <summary>
/// The acknowledgement deadline holds however long commands take and however many arrive at once: 50 signed
/// interactions of a command that blocks its thread (as one stuck on CPU or a store lock would) all get their
/// deferral when DeferAfter has passed, and their answers once the commands finish.
/// </summary>
public sealed class DeadlineUnderLoadTests : IAsyncLifetime
{
    private const int AtOnce = 50;

    /// <summary>What is left of Discord's 3 s after DeferAfter (1 s) and a margin for the trip back.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2.5) - TimeSpan.FromSeconds(1);

    private readonly BlockingCommand _slow = new();
    private DiscordHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await DiscordHost.StartAsync(services: s => s.AddSingleton<ICommandHandler>(_slow));

    public async Task DisposeAsync()
    {
        _slow.Release();
        await _host.DisposeAsync();
        _slow.Dispose();
    }

    [Fact]
    public async Task SlowCommand_50AtOnce_EveryOneDeferredInTimeThenAnswered()
    {
        var gate = _host.Services.GetRequiredService<CommandGate>();
        var requests = Enumerable.Range(0, AtOnce)
            .Select(i => Task.Run(() => _host.PostInteractionAsync(InteractionJson.Command("slow").Replace("A_UNIQUE_TOKEN", $"TOKEN{i:D2}", StringComparison.Ordinal))))
            .ToList();

        // Every request is waiting out DeferAfter on the clock, while the gate's workers are stuck in the command.
        for (var i = 0; i < AtOnce; i++)
        {
            await _host.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        }

        await _slow.WaitUntilStartedAsync(gate.Workers, TimeSpan.FromSeconds(20));
        Assert.Equal(gate.Workers, _slow.Started);
        Assert.All(requests, r => Assert.False(r.IsCompleted));

        var clock = Stopwatch.StartNew();
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var responses = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(20));
        var answered = clock.Elapsed;

        foreach (var response in responses)
        {
            Assert.Equal(5, (await InteractionAnswer.ReadAsync(response)).Type);
            response.Dispose();
        }

        Assert.True(answered < AnswerWithin, $"the deferrals took {answered.TotalMilliseconds:F0} ms after DeferAfter");
        Assert.True(_slow.Started < AtOnce, "the commands themselves are still waiting for a worker");

        // Once the commands finish, every deferred answer is edited in.
        _slow.Release();
        await _host.Services.GetRequiredService<DeferredReplies>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(AtOnce, _slow.Started);
        Assert.Equal(AtOnce, _host.Fake.Rest.RequestsTo("PATCH", "/messages/@original").Count);
    }
}
