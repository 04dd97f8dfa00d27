using Microsoft.Extensions.Logging;

namespace PaperBot.Core.Outbox;

/// <summary>
/// Operator messages about whole platforms, said once rather than per delivery: a revoked token is one error
/// in the log, not one per paper per round. Also what /healthz reports about delivery.
/// </summary>
internal sealed class PlatformWarnings(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _noPublisher = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Unavailable()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_unavailable, StringComparer.OrdinalIgnoreCase);
        }
    }

    public void NoPublisher(string platform)
    {
        lock (_gate)
        {
            if (!_noPublisher.Add(platform))
            {
                return;
            }
        }

        logger.LogWarning("Deliveries for {Platform} channels are waiting: that platform is not configured in this run", platform);
    }

    public void Unavailable(string platform, string reason)
    {
        lock (_gate)
        {
            if (_unavailable.TryGetValue(platform, out var previous) && previous == reason)
            {
                return;
            }

            _unavailable[platform] = reason;
        }

        logger.LogError("Nothing can be posted to {Platform} until this is fixed: {Reason}. Deliveries wait and are sent once it works", platform, reason);
    }

    public void Recovered(string platform)
    {
        lock (_gate)
        {
            if (!_unavailable.Remove(platform))
            {
                return;
            }
        }

        logger.LogInformation("Posting to {Platform} works again", platform);
    }
}
