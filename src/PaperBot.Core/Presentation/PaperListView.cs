using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Presentation;

/// <summary>A ranked list of papers (today, search, similar, a digest): heading with its range, lines, the next page.</summary>
/// <param name="Title">The heading with the range, e.g. "Daily Papers for Tue, Nov 24, 2026 (1-10 of 23)".</param>
/// <param name="Notice">What the reader should know first, or null.</param>
/// <param name="Lines">This page's papers.</param>
/// <param name="More">The command that shows the next page, or null.</param>
/// <param name="Empty">What to say instead of lines when there are none.</param>
public sealed record PaperListView(string Title, string? Notice, IReadOnlyList<PaperLineView> Lines, CommandInvocation? More, string Empty);
