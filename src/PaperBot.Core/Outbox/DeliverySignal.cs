namespace PaperBot.Core.Outbox;

/// <summary>
/// Wakes the delivery worker when something was enqueued (a poll, a digest, a backfill), so posts go out at
/// once instead of at the next retry tick. Requests made while the worker is busy fold into one wake-up.
/// </summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Request()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look at everything pending anyway.
        }
    }

    /// <summary>Waits for a request, or until <paramref name="timeout"/> passes on <paramref name="time"/>; true if requested.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var requested = _signal.WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, time, linked.Token);
        var first = await Task.WhenAny(requested, elapsed).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == requested && requested.IsCompletedSuccessfully;
    }
}
