using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Core.Saving;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// The Save button under a posted paper: saves it to the clicker's reading list and tells only them. The save (a
/// store write) runs through the <see cref="CommandGate"/> like a command: answered inline when done within
/// <see cref="DiscordOptions.DeferAfter"/>, otherwise deferred (ephemeral) and completed later.
/// </summary>
internal sealed class ComponentInteractionHandler(
    ReadingList readingList,
    ResultRenderer renderer,
    CommandGate gate,
    DeferredReplies deferred,
    IOptions<DiscordOptions> options,
    TimeProvider time)
{
    public const string SavePrefix = "save:";

    public async Task<InteractionReply?> HandleAsync(Interaction interaction, CancellationToken requestAborted)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context || string.IsNullOrEmpty(interaction.Token))
        {
            return null;
        }

        var customId = interaction.Data?.CustomId ?? "";
        var messageId = interaction.Message?.Id;
        if (!customId.StartsWith(SavePrefix, StringComparison.Ordinal))
        {
            return Reply(new ErrorResult("This button is from an older PaperBot and no longer does anything."));
        }

        if (!gate.TryRun(() => Task.FromResult(readingList.SaveFromButton(context.Channel, messageId, context.User, customId[SavePrefix.Length..])), out var run))
        {
            return Reply(CommandDispatcher.Busy);
        }

        var budget = options.Value.DeferAfter;
        if (budget > TimeSpan.Zero && !run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(budget, time, requestAborted)).ConfigureAwait(false);
        }

        if (budget > TimeSpan.Zero && run.IsCompletedSuccessfully)
        {
            return Reply(run.Result);
        }

        var token = interaction.Token;
        return new InteractionReply(
            new InteractionResponse(CallbackType.DeferredChannelMessage, new MessagePayload { Flags = MessagePayload.Ephemeral }),
            () => deferred.Start(token, "save button", run, ephemeralDeferral: true));
    }

    private InteractionReply Reply(CommandResult result) => InteractionReply.Message(renderer.Render(result) with { Flags = MessagePayload.Ephemeral });
}
