using PaperBot.Core.Digests;

namespace PaperBot.Core.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-10-24T06:59:00Z", "2026-10-23", "2026-10-23T07:00:00Z")] // CEST, UTC+2: before today's 09:00
    [InlineData("2026-10-24T07:00:00Z", "2026-10-24", "2026-10-24T07:00:00Z")]
    [InlineData("2026-10-25T07:30:00Z", "2026-10-24", "2026-10-24T07:00:00Z")] // DST ended at 01:00Z: 09:00 is now 08:00Z
    [InlineData("2026-10-25T08:00:00Z", "2026-10-25", "2026-10-25T08:00:00Z")]
    [InlineData("2026-03-29T07:00:00Z", "2026-03-29", "2026-03-29T07:00:00Z")] // DST began at 01:00Z: 09:00 CEST
    public void LatestDue_AcrossDstChanges_FallsAtLocalNine(string now, string day, string due)
    {
        var (localDay, instant) = DigestSchedule.LatestDue(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(9, 0), Paris);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), localDay);
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void Instant_SkippedLocalTime_MovesForwardByTheChange()
    {
        // 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 -> 03:00): the digest runs at 03:30 EDT.
        var instant = DigestSchedule.Instant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void Instant_RepeatedLocalTime_IsTheFirstOccurrence()
    {
        // 2026-11-01 01:30 happens twice in New York; the first is EDT (UTC-4).
        var instant = DigestSchedule.Instant(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Europe/Paris", true)]
    [InlineData("Nowhere/Special", false)]
    public void TryFindZone_KnownAndUnknown(string id, bool known)
    {
        Assert.Equal(known, DigestSchedule.TryFindZone(id, out _));
    }
}
