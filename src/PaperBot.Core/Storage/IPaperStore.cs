using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>Papers PaperBot has seen, keyed by version-less arXiv id.</summary>
public interface IPaperStore
{
    Paper? Find(string arxivId);

    /// <summary>The subset of <paramref name="arxivIds"/> already stored.</summary>
    IReadOnlySet<string> FindKnown(IEnumerable<string> arxivIds);

    /// <summary>Papers that joined the listing on <paramref name="day"/>, in no particular order.</summary>
    IReadOnlyList<Paper> ListedOn(DateOnly day);

    /// <summary>The most recent papers-day of any stored paper, or null when the store has no papers.</summary>
    DateOnly? LatestListedDay();

    int Count();

    /// <summary>Papers that joined the listing on <paramref name="day"/> or later, in no particular order.</summary>
    IReadOnlyList<Paper> ListedSince(DateOnly day);

    /// <summary>Papers PaperBot first recorded in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    IReadOnlyList<Paper> FirstSeenBetween(DateTimeOffset after, DateTimeOffset until);
}
