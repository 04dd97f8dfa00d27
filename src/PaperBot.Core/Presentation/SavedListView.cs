namespace PaperBot.Core.Presentation;

/// <summary>The caller's reading list, or what to say when it (or what matches its filter) is empty.</summary>
/// <param name="Title">"Your reading list (3)" or "Your reading list, matching agents (1)".</param>
/// <param name="Lines">The saved papers, most recently saved first.</param>
/// <param name="Empty">When <paramref name="Lines"/> is empty, what to say: an empty list, or that no saved paper matches the filter.</param>
/// <param name="Filtered">True when the list was filtered (an empty answer then needs no "how to save" hint).</param>
public sealed record SavedListView(string Title, IReadOnlyList<SavedLineView> Lines, string Empty, bool Filtered);

/// <summary>One saved paper; <paramref name="Title"/> is null for a paper PaperBot has not seen in the listing.</summary>
public sealed record SavedLineView(string ArxivId, string? Title, string Url, string SavedOn);
