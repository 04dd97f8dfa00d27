namespace PaperBot.Testing.Platforms;

/// <summary>
/// Scripted faults for a fake platform: bursts of a fault for the next N requests, or a fault for every request
/// until healed. Thread-safe; every fault handed out is counted.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Queue<Fault> _next = new();
    private readonly Dictionary<Fault, int> _served = [];
    private Fault? _always;

    /// <summary>The Retry-After of injected 429s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The next <paramref name="count"/> requests get <paramref name="fault"/> (after any burst already queued).</summary>
    public void Burst(Fault fault, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    /// <summary>Every request gets <paramref name="fault"/> until <see cref="Heal"/>.</summary>
    public void Always(Fault fault)
    {
        lock (_gate)
        {
            _always = fault;
        }
    }

    /// <summary>Ends <see cref="Always"/> and drops queued bursts.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _always = null;
            _next.Clear();
        }
    }

    /// <summary>How many requests got <paramref name="fault"/> so far.</summary>
    public int Served(Fault fault)
    {
        lock (_gate)
        {
            return _served.GetValueOrDefault(fault);
        }
    }

    /// <summary>The fault for the request now arriving, if any.</summary>
    public Fault? Next()
    {
        lock (_gate)
        {
            var fault = _next.TryDequeue(out var queued) ? queued : _always;
            if (fault is { } served)
            {
                _served[served] = _served.GetValueOrDefault(served) + 1;
            }

            return fault;
        }
    }
}
