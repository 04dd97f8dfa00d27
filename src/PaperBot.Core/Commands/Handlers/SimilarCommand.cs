using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers similar &lt;arxiv id&gt; [--page N]</c>: the stored papers closest in meaning to that one.</summary>
public sealed class SimilarCommand(IPaperStore papers, PaperVectors vectors) : ICommandHandler
{
    public const int PageSize = 10;

    /// <summary>How many neighbours are listed over all pages.</summary>
    public const int MaxResults = 50;

    public CommandSpec Spec { get; } = new("similar", "Stored papers closest in meaning to one paper")
    {
        Options = [CommonOptions.SuggestedArxivId, CommonOptions.Page],
        PublicAnswer = true,
        Example = new("similar", [new(CommonOptions.SuggestedArxivId, "2509.04664")]),
    };

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var idText = arguments.Text.Trim();
        var page = arguments.Page ?? 1;
        if (idText.Length == 0)
        {
            return new ErrorResult("Which paper? Give its arXiv id.", "For example: /papers similar 2509.04664");
        }

        if (!ArxivId.TryNormalize(idText, out var id))
        {
            return new ErrorResult($"\"{idText}\" is not an arXiv id.", "Write it like 2509.04664 (a version suffix such as v2 is fine).");
        }

        if (papers.Find(id) is not { } paper)
        {
            return new ErrorResult($"I have not seen {id} in the Daily Papers listing, so I cannot compare it.",
                "Pick a paper from /papers today or /papers search.");
        }

        await vectors.CatchUpFewAsync(cancellationToken).ConfigureAwait(false);
        var vector = (await vectors.ForPapersAsync([paper], cancellationToken).ConfigureAwait(false))[paper.ArxivId];
        var closest = vectors.Closest(vector, MaxResults, other => other != paper.ArxivId)
            .Select(c => papers.Find(c.ArxivId))
            .OfType<Paper>()
            .ToList();
        var missing = vectors.CountMissing();
        return Paging.Page($"Papers similar to {paper.Title}", closest, page, PageSize, Spec.Invoke((CommonOptions.SuggestedArxivId, paper.ArxivId)),
            missing > 0 ? $"{missing} stored papers are still being read by the sentence model and are not compared yet." : null);
    }
}
