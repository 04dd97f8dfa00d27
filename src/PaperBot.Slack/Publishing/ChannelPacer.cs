using System.Collections.Concurrent;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// Spaces posts about one second apart per channel (Slack's chat.postMessage guidance) and holds every post
/// back after a 429 until Slack's Retry-After has passed. Waits on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time)
{
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Reserves the channel's next slot and returns how long to wait for it (zero when it is free now).</summary>
    public TimeSpan Reserve(string channelId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot.TryGetValue(channelId, out var next) && next > now ? next : now;
            if (_blockedUntil > slot)
            {
                slot = _blockedUntil;
            }

            _nextSlot[channelId] = slot + Spacing;
            return slot - now;
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
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
