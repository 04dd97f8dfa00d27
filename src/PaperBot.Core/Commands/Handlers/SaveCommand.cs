using PaperBot.Core.Commands.Model;
using PaperBot.Core.Saving;

namespace PaperBot.Core.Commands.Handlers;

/// <summary><c>/papers save &lt;arxiv id&gt;</c>: adds a paper to the caller's private reading list.</summary>
public sealed class SaveCommand(ReadingList readingList) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("save", "Add a paper to your private reading list")
    {
        Options = [CommonOptions.SuggestedArxivId],
        Example = new("save", [new(CommonOptions.SuggestedArxivId, "2509.04664")]),
    };

    public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
        Task.FromResult(readingList.Save(context.User, arguments.Text));
}
