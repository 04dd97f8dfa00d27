using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;

namespace PaperBot.Slack.Tests.Support;

/// <summary><c>/papers slow</c>: answers only when the test releases it, to exercise the acknowledge-first path.</summary>
public sealed class GatedCommand : ICommandHandler
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandSpec Spec { get; } = new("slow", "Test only.");

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        await Release.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return new ConfirmationResult("slow work done");
    }
}
