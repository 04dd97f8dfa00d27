namespace PaperBot.Slack.Publishing;

/// <summary>
/// Keeps the save-hint reactions within Slack's limit for reactions.add (Tier 3: about 50 a minute per workspace):
/// a token bucket of <see cref="Burst"/> refilled at <see cref="PerMinute"/> a minute, emptied for Retry-After
/// by a 429. A hint without budget is skipped rather than delayed: posts never wait for a nicety, and every post
/// has its Save button anyway.
/// </summary>
internal sealed class ReactionBudget(TimeProvider time)
{
    public const int PerMinute = 50;

    public const int Burst = 20;

    private readonly Lock _gate = new();
    private double _tokens = Burst;
    private DateTimeOffset _last = time.GetUtcNow();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Takes one reaction from the budget; false when there is none left right now.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _tokens = Math.Min(Burst, _tokens + ((now - _last).TotalMinutes * PerMinute));
            _last = now;
            if (now < _blockedUntil || _tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Slack answered 429: no reaction until <paramref name="retryAfter"/> has passed.</summary>
    public void Block(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            _blockedUntil = until > _blockedUntil ? until : _blockedUntil;
            _tokens = 0;
        }
    }
}
