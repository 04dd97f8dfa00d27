namespace PaperBot.Core.Papers;

public static class PaperDaySources
{
    /// <summary>True when the source names the day the paper joined Daily Papers, not a guess.</summary>
    public static bool NamesListingDay(this PaperDaySource source) => source is PaperDaySource.Listing or PaperDaySource.Requested;

    /// <summary>
    /// Whether a known paper keeps its stored day when a listing shows it again: a paper keeps the day it first
    /// joined the listing (what an upvote threshold's window counts from), unless that day was a guess and the
    /// listing now names the real one.
    /// </summary>
    public static bool KeepsStoredDay(PaperDaySource stored, PaperDaySource listed) => stored.NamesListingDay() || !listed.NamesListingDay();
}
