namespace PaperBot.Testing.Slack;

/// <summary>Waits for a condition over some state to become true, woken by <see cref="Pulse"/>: no polling, no sleeping.</summary>
public sealed class Signal
{
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public void Pulse()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition())
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}.");
        }
    }
}
