using System.Text.Json;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>A JSON array of listing items to papers: bad items are skipped with a warning, repeats dropped.</summary>
internal static class ItemListReader
{
    public static IReadOnlyList<InspectedPaper> Read(JsonElement items, DayRule days, ParseNotes notes)
    {
        var collector = new PaperCollector();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (!ItemReader.TryRead(item, days, out var paper, out var problem))
            {
                notes.Warn($"skipped listing item {index}: {problem}");
            }
            else if (!collector.Add(paper))
            {
                notes.Remark($"listing item {index} repeats paper {paper.Paper.ArxivId}; kept the first");
            }

            index++;
        }

        return collector.Papers;
    }
}
