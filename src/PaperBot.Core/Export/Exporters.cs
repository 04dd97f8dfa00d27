using System.Text;

namespace PaperBot.Core.Export;

/// <summary>Writes a reading list in one of the export formats.</summary>
public static class Exporters
{
    public static bool TryParseFormat(string text, out ExportFormat format)
    {
        (var ok, format) = text.Trim().ToLowerInvariant() switch
        {
            "bibtex" or "bib" => (true, ExportFormat.BibTex),
            "markdown" or "md" => (true, ExportFormat.Markdown),
            "csv" => (true, ExportFormat.Csv),
            _ => (false, ExportFormat.BibTex),
        };
        return ok;
    }

    public static (string Extension, string MediaType) Describe(ExportFormat format) => format switch
    {
        ExportFormat.BibTex => ("bib", "application/x-bibtex"),
        ExportFormat.Markdown => ("md", "text/markdown"),
        _ => ("csv", "text/csv"),
    };

    public static byte[] Write(ExportFormat format, IReadOnlyList<ExportEntry> entries)
    {
        var text = format switch
        {
            ExportFormat.BibTex => BibTexWriter.Write(entries),
            ExportFormat.Markdown => MarkdownWriter.Write(entries),
            _ => CsvWriter.Write(entries),
        };

        // No byte-order mark: BibTeX and most CSV readers take UTF-8 as it is.
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }
}
