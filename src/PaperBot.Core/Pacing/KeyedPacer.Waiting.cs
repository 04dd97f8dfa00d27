namespace PaperBot.Core.Pacing;

// The waiting half of KeyedPacer: each loop asks again after its wait, since a 429 may have held the key meanwhile.
public sealed partial class KeyedPacer
{
    /// <summary>Waits for a turn of <paramref name="key"/> and takes it.</summary>
    public async Task TakeAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(key);
            if (state.Waiting++ == 0)
            {
                state.NoneWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            while (TryTake(key) is { } wait)
            {
                await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                var state = State(key);
                if (--state.Waiting == 0)
                {
                    state.NoneWaiting.TrySetResult();
                }
            }
        }
    }

    /// <summary>Takes the key's next turn at once and waits for it, so turns go first come, first served.</summary>
    public Task ReserveAsync(string key, CancellationToken cancellationToken) =>
        Reserve(key) is var wait && wait > TimeSpan.Zero ? DelayAsync(wait, cancellationToken) : Task.CompletedTask;

    /// <summary>Waits for a turn of <paramref name="key"/> that no ordinary request wants, and takes it.</summary>
    public async Task TakeSpareAsync(string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? busy;
            TimeSpan? wait = null;
            lock (_gate)
            {
                var state = State(key);
                busy = state.Waiting > 0 ? state.NoneWaiting.Task : null;
                if (busy is null)
                {
                    wait = Take(state, rule.SpareTolerance, reserve: false);
                }
            }

            if (busy is not null)
            {
                await busy.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (wait is { } delay)
            {
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Completes once the key has a turn, taking nothing.</summary>
    public async ValueTask WaitUntilFreeAsync(string key, CancellationToken cancellationToken)
    {
        for (var wait = Delay(key); wait > TimeSpan.Zero; wait = Delay(key))
        {
            await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        waited?.Invoke(wait);
        return Task.Delay(wait, time, cancellationToken);
    }
}
