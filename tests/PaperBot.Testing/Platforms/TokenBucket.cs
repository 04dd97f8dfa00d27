namespace PaperBot.Testing.Platforms;

/// <summary>
/// A platform-side rate limit as a token bucket: <see cref="Capacity"/> requests at once, refilled at
/// <see cref="PerSecond"/> a second. Thread-safe; time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucket(double capacity, double perSecond, TimeProvider time)
    {
        _capacity = _tokens = capacity;
        _perSecond = perSecond;
        _time = time;
        _last = time.GetUtcNow();
    }

    public double Capacity => _capacity;

    public double PerSecond => _perSecond;

    /// <summary>Takes one token; when none is left, returns false and how long until one is.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _tokens = Math.Min(_capacity, _tokens + ((now - _last).TotalSeconds * _perSecond));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            return false;
        }
    }
}
