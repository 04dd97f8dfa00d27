namespace PaperBot.Testing.Platforms;

/// <summary>
/// A platform-side rate limit as Discord describes its per-route buckets: <see cref="Limit"/> requests per window,
/// the window starting with its first request and resetting <see cref="Window"/> later. Thread-safe.
/// </summary>
public sealed class FixedWindow(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private int _used;

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Counts one request; returns whether it fits, what is left and how long until the window resets.</summary>
    public (bool Allowed, int Remaining, TimeSpan ResetAfter) Take()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now >= _resetAt)
            {
                _resetAt = now + window;
                _used = 0;
            }

            var allowed = _used < limit;
            if (allowed)
            {
                _used++;
            }

            return (allowed, limit - _used, _resetAt - now);
        }
    }
}
