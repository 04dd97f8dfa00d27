namespace PaperBot.HuggingFace.Inspection;

/// <summary>Something worth telling about a listing that still read: a skipped item, a guessed day, a fallback.</summary>
/// <param name="IsWarning">False for a remark (a repeated item); true for what an operator should look at.</param>
public sealed record ListingNote(bool IsWarning, string Text);
