namespace PaperBot.Core.Storage;

/// <summary>
/// Inbound platform events already applied (Slack <c>event_id</c>, Discord interaction ids...), so a
/// retried or redelivered event is applied once, across restarts too.
/// </summary>
public interface IInboundEventLog
{
    /// <summary>Records <paramref name="key"/>; false when it was recorded before (the event is a repeat).</summary>
    bool TryRecord(string key, DateTimeOffset at);

    /// <summary>Forgets keys recorded before <paramref name="before"/>; returns how many.</summary>
    int Prune(DateTimeOffset before);
}
