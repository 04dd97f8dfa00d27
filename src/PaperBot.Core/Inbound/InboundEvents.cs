using PaperBot.Core.Storage;

namespace PaperBot.Core.Inbound;

/// <summary>
/// Platforms deliver some events more than once (Slack retries an event it thinks was not acknowledged, a user
/// double-clicks): an event is acted on only the first time its key is seen, across restarts.
/// </summary>
public sealed class InboundEvents(IInboundEventLog log, TimeProvider time)
{
    /// <summary>True the first time <paramref name="key"/> is seen (and records it); false for a repeat.</summary>
    public bool IsFirst(string key) => log.TryRecord(key, time.GetUtcNow());
}
