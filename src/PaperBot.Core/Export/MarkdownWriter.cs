using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Core.Export;

/// <summary>A Markdown reading list: one bullet per paper with its links.</summary>
public static partial class MarkdownWriter
{
    [GeneratedRegex(@"([\\`*_{}\[\]<>#|])", RegexOptions.CultureInvariant)]
    private static partial Regex Special();

    public static string Write(IReadOnlyList<ExportEntry> entries)
    {
        var text = new StringBuilder($"# Reading list ({entries.Count} paper{(entries.Count == 1 ? "" : "s")})\n\n");
        foreach (var entry in entries)
        {
            var paper = entry.Paper;
            var title = Escape(paper?.Title ?? $"arXiv:{entry.ArxivId}");
            text.Append(CultureInfo.InvariantCulture, $"- [{title}]({Papers.PaperLinks.HuggingFace(entry.ArxivId)})");
            if (paper is { Authors.Count: > 0 })
            {
                var authors = paper.Authors.Count > 5 ? string.Join(", ", paper.Authors.Take(5)) + " et al." : string.Join(", ", paper.Authors);
                text.Append(" — ").Append(Escape(authors));
            }

            text.Append(CultureInfo.InvariantCulture, $"  \n  arXiv [{entry.ArxivId}]({Papers.PaperLinks.ArxivAbstract(entry.ArxivId)})");
            text.Append(CultureInfo.InvariantCulture, $" · [PDF]({Papers.PaperLinks.ArxivPdf(entry.ArxivId)})");
            if (paper?.GithubRepo is { } repo)
            {
                text.Append(CultureInfo.InvariantCulture, $" · [code](<{repo}>)");
            }

            if (paper is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" · ▲ {paper.Upvotes}");
            }

            text.Append(CultureInfo.InvariantCulture, $" · saved {entry.SavedAt:yyyy-MM-dd}\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => Special().Replace(text.ReplaceLineEndings(" "), @"\$1");
}
