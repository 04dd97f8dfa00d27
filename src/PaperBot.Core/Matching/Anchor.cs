namespace PaperBot.Core.Matching;

/// <summary>
/// Something a paper must have for a query to match it: a stem of its title, abstract or keywords, a word
/// of its authors or organization, or at least <see cref="Floor"/> upvotes.
/// </summary>
internal readonly record struct Anchor(AnchorKind Kind, string Word, int Floor = 0);
