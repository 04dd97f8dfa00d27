namespace PaperBot.Core.Export;

public enum ExportFormat
{
    BibTex,
    Markdown,
    Csv,
}
