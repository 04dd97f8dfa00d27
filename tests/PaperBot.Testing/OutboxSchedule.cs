using PaperBot.Core.Storage;

namespace PaperBot.Testing;

/// <summary>For harnesses that drive the delivery dispatcher round by round instead of the delivery worker.</summary>
public static class OutboxSchedule
{
    /// <summary>
    /// When the next round can post something: a channel's oldest owed delivery goes first (a later one never
    /// overtakes it), so this is the earliest retry time among the channels' oldest deliveries, or <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset NextRoundAt(IReadOnlyList<Delivery> owed, DateTimeOffset now)
    {
        var due = owed.GroupBy(d => d.Channel.Key).Select(g => g.First().NextAttemptAt ?? now).DefaultIfEmpty(now).Min();
        return due > now ? due : now;
    }
}
