namespace PaperBot.HuggingFace.Parsing;

/// <summary>What a parser knows besides the body.</summary>
/// <param name="Source">Where the body came from (URL or file path), for log lines and reasons.</param>
/// <param name="RequestedDay">The papers-day asked for; null for the latest.</param>
/// <param name="Today">Today's UTC date: the last resort for <c>ListedOn</c> when nothing says which day a paper was listed.</param>
internal sealed record ParseContext(string Source, DateOnly? RequestedDay, DateOnly Today);
