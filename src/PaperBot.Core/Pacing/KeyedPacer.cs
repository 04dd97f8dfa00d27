namespace PaperBot.Core.Pacing;

/// <summary>
/// The one rate limiter of every platform client: requests grouped by key (a Discord bucket, a Slack channel, a
/// bot-wide limit), each key kept to <paramref name="rule"/> as an even pace rather than a burst at the top of each
/// window (a burst racing a server's window is what trips 429s). A key is also held back after a 429 (one key or all of
/// them), and never sent into a window the server announced as spent (Discord's <c>X-RateLimit-Remaining</c>). Spare
/// requests (lowest priority) take only turns no ordinary request of their key is waiting for, and never the burst.
/// Thread-safe; waits on <paramref name="time"/>, and reports each wait to <paramref name="waited"/>.
/// </summary>
public sealed partial class KeyedPacer(RateRule rule, TimeProvider time, Action<TimeSpan>? waited = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PaceState> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sharedBy = new(StringComparer.Ordinal);
    private DateTimeOffset _allHeldUntil = DateTimeOffset.MinValue;

    /// <summary>Takes a turn of <paramref name="key"/> if one is free now; otherwise takes nothing and says how long to wait.</summary>
    public TimeSpan? TryTake(string key) => Take(key, rule.Tolerance, reserve: false);

    /// <summary>Takes the key's next turn, now or later, and returns how long to wait for it (zero when it is now).</summary>
    public TimeSpan Reserve(string key) => Take(key, rule.Tolerance, reserve: true) ?? TimeSpan.Zero;

    /// <summary>How long until the key has a turn, taking nothing (zero when it has one now).</summary>
    public TimeSpan Delay(string key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return FreeAt(State(key), now, rule.Tolerance) - now;
        }
    }

    /// <summary>Nothing more goes to <paramref name="key"/> for <paramref name="wait"/> (a 429 for that key).</summary>
    public void Hold(string key, TimeSpan wait)
    {
        lock (_gate)
        {
            var state = State(key);
            state.HeldUntil = Later(state.HeldUntil, time.GetUtcNow() + wait);
        }
    }

    /// <summary>Nothing goes to any key for <paramref name="wait"/> (a 429 for the whole client).</summary>
    public void HoldAll(TimeSpan wait)
    {
        lock (_gate)
        {
            _allHeldUntil = Later(_allHeldUntil, time.GetUtcNow() + wait);
        }
    }

    /// <summary>The key's pace starts again from now with no burst left (the server just answered, or refused, its last request).</summary>
    public void Restart(string key)
    {
        lock (_gate)
        {
            var state = State(key);
            state.NextOnPace = Later(state.NextOnPace, time.GetUtcNow() + rule.Tolerance + rule.Interval);
        }
    }

    /// <summary>The server says the key's window has <paramref name="remaining"/> requests left until <paramref name="resetAt"/>.</summary>
    public void Announce(string key, int remaining, DateTimeOffset? resetAt)
    {
        lock (_gate)
        {
            var state = State(key);
            state.Remaining = remaining;
            state.ResetAt = resetAt ?? state.ResetAt;
        }
    }

    /// <summary>From now on <paramref name="key"/> shares the state of <paramref name="group"/> (routes in one Discord bucket).</summary>
    public void Share(string key, string group)
    {
        lock (_gate)
        {
            _sharedBy[key] = group;
        }
    }

    private TimeSpan? Take(string key, TimeSpan tolerance, bool reserve)
    {
        lock (_gate)
        {
            return Take(State(key), tolerance, reserve);
        }
    }

    /// <summary>Under the lock: takes the turn if it is now (or always, when reserving); null when taken now.</summary>
    private TimeSpan? Take(PaceState state, TimeSpan tolerance, bool reserve)
    {
        var now = time.GetUtcNow();
        var at = FreeAt(state, now, tolerance);
        if (at > now && !reserve)
        {
            return at - now;
        }

        state.NextOnPace = Later(state.NextOnPace, at) + rule.Interval;
        // A window past its reset has refilled; the server's next answer tells the real count.
        state.Remaining = Math.Max(state.Remaining, 1) - 1;
        return at > now ? at - now : null;
    }

    /// <summary>Under the lock: the earliest moment the key may send, given its pace, holds and announced window.</summary>
    private DateTimeOffset FreeAt(PaceState state, DateTimeOffset now, TimeSpan tolerance)
    {
        var at = Later(now, Later(state.NextOnPace == DateTimeOffset.MinValue ? now : state.NextOnPace - tolerance, Later(state.HeldUntil, _allHeldUntil)));
        return state.Remaining <= 0 && state.ResetAt > at ? state.ResetAt : at;
    }

    private PaceState State(string key)
    {
        var shared = _sharedBy.GetValueOrDefault(key, key);
        if (!_keys.TryGetValue(shared, out var state))
        {
            _keys[shared] = state = new PaceState();
        }

        return state;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
