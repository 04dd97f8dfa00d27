using PaperBot.Core.Commands;

namespace PaperBot.Core.Tests.Commands;

/// <summary>The command gate: bounded workers, and nested work that can never wait behind its own caller.</summary>
public sealed class CommandGateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TryRun_NestedWorkAfterAnAwait_RunsInlineInsteadOfWaitingForABusyWorker()
    {
        // One worker, held by the outer command while its continuation (on the thread pool) starts nested work, as the
        // Slack runner does when it checks who manages a channel and then runs the command through the dispatcher.
        using var gate = new CommandGate(workers: 1);

        Assert.True(gate.TryRun(async () =>
        {
            await Task.Yield();
            Assert.True(gate.TryRun(() => Task.FromResult(41), out var inner));
            return await inner + 1;
        }, out var outer));

        Assert.Equal(42, await outer.WaitAsync(Wait));
    }

    [Fact]
    public async Task TryRun_EveryWorkerBusyWithWorkThatNestsAfterAnAwait_AllComplete()
    {
        using var gate = new CommandGate(workers: 2);
        var started = new SemaphoreSlim(0);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var runs = Enumerable.Range(0, 6).Select(i =>
        {
            Assert.True(gate.TryRun(async () =>
            {
                started.Release();
                await release.Task;
                Assert.True(gate.TryRun(() => Task.FromResult(i), out var inner));
                return await inner;
            }, out var run));
            return run;
        }).ToList();
        await started.WaitAsync(Wait);
        await started.WaitAsync(Wait);
        release.SetResult();

        Assert.Equal(Enumerable.Range(0, 6), await Task.WhenAll(runs).WaitAsync(Wait));
    }

    [Fact]
    public async Task TryRun_WorkFromOutsideTheGate_RunsOnAGateThreadNotTheCallers()
    {
        using var gate = new CommandGate(workers: 1);

        Assert.True(gate.TryRun(() => Task.FromResult(Thread.CurrentThread.Name), out var name));

        Assert.Equal("PaperBot command 1", await name.WaitAsync(Wait));
    }
}
