using PaperBot.Core.Papers;

namespace PaperBot.Core.Export;

/// <summary>One saved paper to export; <paramref name="Paper"/> is null for one PaperBot never saw listed.</summary>
public sealed record ExportEntry(string ArxivId, Paper? Paper, DateTimeOffset SavedAt);
