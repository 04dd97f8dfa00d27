using System.Globalization;
using System.Text;

namespace PaperBot.Core.Export;

/// <summary>
/// arXiv <c>@misc</c> entries with <c>eprint</c>, <c>archivePrefix</c> and, for old-style ids whose archive
/// is known, <c>primaryClass</c>. Values are braced and escaped so any title loads in BibTeX; keys are
/// stable (the same paper always gets the same key) and unique within the file.
/// </summary>
public static class BibTexWriter
{
    public static string Write(IReadOnlyList<ExportEntry> entries)
    {
        var keys = BibTexKeys.Assign(entries);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"@misc{{{keys[entry.ArxivId]},\n");
            var paper = entry.Paper;
            Field(text, "title", paper is null ? $"arXiv:{entry.ArxivId}" : BibTexText.Escape(paper.Title), braceTwice: true);
            if (paper is { Authors.Count: > 0 })
            {
                Field(text, "author", string.Join(" and ", paper.Authors.Select(BibTexText.Author)));
            }

            Field(text, "year", BibTexKeys.Year(entry).ToString(CultureInfo.InvariantCulture));
            Field(text, "eprint", entry.ArxivId);
            Field(text, "archivePrefix", "arXiv");
            if (entry.ArxivId.Contains('/', StringComparison.Ordinal))
            {
                Field(text, "primaryClass", entry.ArxivId[..entry.ArxivId.IndexOf('/', StringComparison.Ordinal)]);
            }

            Field(text, "url", Papers.PaperLinks.ArxivAbstract(entry.ArxivId));
            Field(text, "note", BibTexText.Escape($"Saved {entry.SavedAt:yyyy-MM-dd} from Hugging Face Daily Papers"), last: true);
            text.Append("}\n\n");
        }

        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string value, bool braceTwice = false, bool last = false)
    {
        // Double braces keep a title's capitalisation (BibTeX styles lower-case titles otherwise).
        var braced = braceTwice ? $"{{{{{value}}}}}" : $"{{{value}}}";
        text.Append(CultureInfo.InvariantCulture, $"  {name,-13} = {braced}{(last ? "" : ",")}\n");
    }
}
