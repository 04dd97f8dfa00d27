using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// <c>/papers &lt;subcommand&gt;</c>: runs the shared command and answers inline when it finishes within
/// <see cref="DiscordOptions.DeferAfter"/>; otherwise defers and edits the answer in later, so Discord's
/// 3-second deadline is never missed.
/// </summary>
internal sealed class CommandInteractionHandler(
    CommandDispatcher dispatcher,
    CommandCatalog catalog,
    ResultRenderer renderer,
    DeferredReplies deferred,
    IOptions<DiscordOptions> options,
    TimeProvider time)
{
    // A remembered answer (see ICommandHandler.Remembered) comes back as the same result object: rendered and
    // serialized once, for as long as it is remembered.
    private readonly ConditionalWeakTable<CommandResult, InteractionReply> _replies = new();

    public async Task<InteractionReply?> HandleAsync(Interaction interaction, CancellationToken requestAborted)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context || string.IsNullOrEmpty(interaction.Token))
        {
            return null;
        }

        var (subcommand, arguments) = interaction.Data?.Options is [{ Type: 1, Name: not null } first, ..]
            ? catalog.Arguments(first)
            : ("help", CommandArguments.FromText(""));
        var run = dispatcher.ExecuteAsync(context, subcommand, arguments, deferred.Stopping);
        var budget = options.Value.DeferAfter;
        if (budget > TimeSpan.Zero && !run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(budget, time, requestAborted)).ConfigureAwait(false);
        }

        // A file goes up as a multipart edit of a deferred answer, so the HTTP answer itself stays JSON.
        if (budget > TimeSpan.Zero && run.IsCompletedSuccessfully && run.Result is not FileResult)
        {
            return _replies.GetValue(run.Result, result => InteractionReply.Message(renderer.Render(result)));
        }

        var ephemeral = catalog.IsPrivate(subcommand);
        var token = interaction.Token;
        return new InteractionReply(
            new InteractionResponse(CallbackType.DeferredChannelMessage, ephemeral ? new MessagePayload { Flags = MessagePayload.Ephemeral } : null),
            () => deferred.Start(token, subcommand, run, ephemeral));
    }
}
