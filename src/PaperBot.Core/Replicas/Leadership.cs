namespace PaperBot.Core.Replicas;

/// <summary>
/// Whether this process does the work only one replica may do at a time (polling, digests, pruning). A process alone on
/// its store always leads; among replicas the heartbeat elects and deposes it, and every term has a token that is
/// cancelled when the term ends, so leader-only work stops with it.
/// </summary>
public sealed class Leadership
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _term;
    private TaskCompletionSource _elected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="shared">True when several replicas share the store: then this process leads only once elected.</param>
    public Leadership(bool shared)
    {
        Shared = shared;
        if (!shared)
        {
            _term = new CancellationTokenSource();
            _elected.SetResult();
        }
    }

    public bool Shared { get; }

    public bool Leads
    {
        get
        {
            lock (_gate)
            {
                return _term is not null;
            }
        }
    }

    /// <summary>Starts a term (no-op while one runs).</summary>
    public void Elect()
    {
        lock (_gate)
        {
            if (_term is not null)
            {
                return;
            }

            _term = new CancellationTokenSource();
            _elected.TrySetResult();
        }
    }

    /// <summary>Ends the running term: its token is cancelled (no-op when not leading, or when alone on the store).</summary>
    public void Depose()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            if (!Shared || _term is null)
            {
                return;
            }

            ended = _term;
            _term = null;
            _elected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        ended.Cancel();
        ended.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in every term until <paramref name="stoppingToken"/> is cancelled: it gets a token
    /// cancelled when the term ends, and runs again (from its start) at the next one. Alone on the store, it runs once.
    /// </summary>
    public async Task RunWhileLeadingAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            Task elected;
            lock (_gate)
            {
                elected = _elected.Task;
                term = _term?.Token ?? CancellationToken.None;
            }

            if (!elected.IsCompleted)
            {
                await elected.WaitAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            try
            {
                await work(linked.Token).ConfigureAwait(false);
                if (!Shared)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // The term ended: wait for the next one.
            }

            if (!term.IsCancellationRequested)
            {
                // The work returned on its own during a term: do not spin on it.
                try
                {
                    await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
        }
    }
}
