using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Papers;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>A JSON array of listing items to papers: bad items are skipped with a warning, repeats dropped.</summary>
internal static class ItemListReader
{
    public static IReadOnlyList<Paper> Read(JsonElement items, DateOnly fallbackDay, string source, ILogger logger)
    {
        var collector = new PaperCollector();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (!ItemReader.TryRead(item, fallbackDay, out var paper, out var problem))
            {
                Log.SkippedItem(logger, source, index, problem);
            }
            else if (!collector.Add(paper))
            {
                Log.DuplicateItem(logger, source, index, paper.ArxivId);
            }

            index++;
        }

        return collector.Papers;
    }
}
