using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Inspection;

/// <summary>
/// Everything PaperBot understood of one listing body: its shape, its papers-day and where that came from, each
/// paper with the fields it carried, and notes. <see cref="Result"/> is what the poller gets.
/// </summary>
public sealed record ListingInspection(
    string Source,
    ListingShape Shape,
    ListingFetch Result,
    DayField? DayFrom,
    IReadOnlyList<InspectedPaper> Papers,
    IReadOnlyList<ListingNote> Notes)
{
    /// <summary>The papers-day the listing shows, when it names one.</summary>
    public DateOnly? Day => (Result as ListingFetch.Listed)?.Day;

    /// <summary>Why nothing could be read, when nothing could.</summary>
    public string? Problem => Result switch
    {
        ListingFetch.LayoutChanged changed => changed.Reason,
        ListingFetch.Unavailable unavailable => unavailable.Reason,
        _ => null,
    };

    /// <summary>The result alone, without details: a listing that could not be read at all, or a read that needs none.</summary>
    public static ListingInspection ResultOnly(string source, ListingFetch result) =>
        new(source, ListingShape.Unrecognised, result, null, [], []);
}
