namespace PaperBot.Core.Digests;

/// <summary>When a daily digest at a local time of day falls, in an IANA time zone, across DST changes.</summary>
public static class DigestSchedule
{
    /// <summary>Finds an IANA (or Windows) time zone id; false when the machine does not know it.</summary>
    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>The latest digest time at or before <paramref name="now"/>, with the local day it belongs to.</summary>
    public static (DateOnly LocalDay, DateTimeOffset Due) LatestDue(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(localNow.DateTime);
        var due = Instant(day, at, zone);
        if (due > now)
        {
            day = day.AddDays(-1);
            due = Instant(day, at, zone);
        }

        return (day, due);
    }

    /// <summary>
    /// The instant of <paramref name="at"/> on <paramref name="day"/> in <paramref name="zone"/>. A time skipped by
    /// a spring-forward change moves forward by the change; a time repeated by a fall-back change is its first
    /// occurrence, so a digest never posts twice or not at all on those days.
    /// </summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            return new DateTimeOffset(local, before).ToOffset(after);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
