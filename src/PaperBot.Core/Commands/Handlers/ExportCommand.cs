using PaperBot.Core.Commands.Model;
using PaperBot.Core.Export;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers export bibtex|markdown|csv</c>: the caller's reading list as a file.</summary>
public sealed class ExportCommand(IReadingListStore readingList, IPaperStore papers, TimeProvider time) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("export", "Your reading list as a file to download")
    {
        Options =
        [
            new("format", OptionKind.Choice, "The file format")
            {
                Positional = true, Required = true, Placeholder = "format",
                Choices = [new("BibTeX", "bibtex"), new("Markdown", "markdown"), new("CSV", "csv")],
            },
        ],
    };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (!Exporters.TryParseFormat(arguments.Text, out var format))
        {
            return Task.FromResult<CommandResult>(new ErrorResult(
                arguments.Text.Trim().Length == 0 ? "Which format? bibtex, markdown or csv." : $"\"{arguments.Text.Trim()}\" is not an export format.",
                "Write /papers export bibtex, /papers export markdown or /papers export csv."));
        }

        var entries = readingList.ListSaved(context.User)
            .Select(saved => new ExportEntry(saved.ArxivId, papers.Find(saved.ArxivId), saved.SavedAt))
            .ToList();
        if (entries.Count == 0)
        {
            return Task.FromResult<CommandResult>(new ErrorResult("Your reading list is empty, so there is nothing to export.",
                "Save papers with /papers save <arxiv id>, or with the Save button or reaction on a posted paper."));
        }

        var (extension, mediaType) = Exporters.Describe(format);
        var name = $"paperbot-saved-{time.GetUtcNow():yyyy-MM-dd}.{extension}";
        var summary = $"Your reading list: {entries.Count} paper{(entries.Count == 1 ? "" : "s")} as {format switch { ExportFormat.BibTex => "BibTeX", ExportFormat.Markdown => "Markdown", _ => "CSV" }}.";
        return Task.FromResult<CommandResult>(new FileResult(name, mediaType, Exporters.Write(format, entries), summary));
    }
}
