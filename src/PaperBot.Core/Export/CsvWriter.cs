using System.Globalization;
using System.Text;

namespace PaperBot.Core.Export;

/// <summary>RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.</summary>
public static class CsvWriter
{
    private static readonly string[] Header =
        ["arxiv_id", "title", "authors", "organization", "published", "listed_on", "upvotes", "url", "pdf", "github", "project_page", "saved_at"];

    public static string Write(IReadOnlyList<ExportEntry> entries)
    {
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var entry in entries)
        {
            var paper = entry.Paper;
            AppendRow(text,
            [
                entry.ArxivId,
                paper?.Title ?? "",
                paper is null ? "" : string.Join("; ", paper.Authors),
                paper?.Organization ?? "",
                paper?.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                paper?.ListedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                paper?.Upvotes.ToString(CultureInfo.InvariantCulture) ?? "",
                Papers.PaperLinks.ArxivAbstract(entry.ArxivId),
                Papers.PaperLinks.ArxivPdf(entry.ArxivId),
                paper?.GithubRepo ?? "",
                paper?.ProjectPage ?? "",
                entry.SavedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ]);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
