using PaperBot.Core.Telemetry;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// Spaces posts one second apart per channel (Slack's chat.postMessage guidance) and holds every post back after
/// a 429 until Slack's Retry-After has passed. The second is counted from when Slack answered the previous post
/// (<see cref="Posted"/>), not from when it was sent: a slow answer can then never squeeze two posts into one of
/// Slack's seconds. Waits on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time, PaperBotMetrics? metrics = null)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Reserves the channel's next slot and returns how long to wait for it (zero when it is free now).</summary>
    public TimeSpan Reserve(string channelId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = FreeAt(channelId, now);
            _nextSlot[channelId] = slot + Spacing;
            return slot - now;
        }
    }

    /// <summary>Records that Slack answered a post to the channel now: its next post waits a full second from here.</summary>
    public void Posted(string channelId)
    {
        lock (_gate)
        {
            var next = time.GetUtcNow() + Spacing;
            if (!_nextSlot.TryGetValue(channelId, out var reserved) || reserved < next)
            {
                _nextSlot[channelId] = next;
            }
        }
    }

    /// <summary>How long until the channel may post again, without reserving anything (zero when it may now).</summary>
    public TimeSpan Delay(string channelId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return FreeAt(channelId, now) - now;
        }
    }

    /// <summary>Under the lock: when the channel may post next, given its slot and any 429 hold.</summary>
    private DateTimeOffset FreeAt(string channelId, DateTimeOffset now)
    {
        var slot = _nextSlot.TryGetValue(channelId, out var next) && next > now ? next : now;
        return _blockedUntil > slot ? _blockedUntil : slot;
    }

    /// <summary>Completes when <see cref="Delay"/> has passed for the channel.</summary>
    public async ValueTask WaitUntilFreeAsync(string channelId, CancellationToken cancellationToken)
    {
        for (var wait = Delay(channelId); wait > TimeSpan.Zero; wait = Delay(channelId))
        {
            metrics?.RateLimitWait(SlackPlatform.Name, MetricLabels.Pacing, wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds every channel back for <paramref name="retryAfter"/> (a 429 from Slack).</summary>
    public void Block(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>Waits for the channel's next slot.</summary>
    public Task WaitTurnAsync(string channelId, CancellationToken cancellationToken)
    {
        var wait = Reserve(channelId);
        if (wait <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        metrics?.RateLimitWait(SlackPlatform.Name, MetricLabels.Pacing, wait);
        return Task.Delay(wait, time, cancellationToken);
    }
}
