using PaperBot.Core.Commands;
using PaperBot.Core.Saving;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Interactions;

/// <summary>The Save button under a posted paper: saves it to the clicker's reading list and tells only them.</summary>
internal sealed class ComponentInteractionHandler(ReadingList readingList, ResultRenderer renderer)
{
    public const string SavePrefix = "save:";

    public InteractionReply? Handle(Interaction interaction)
    {
        if (InteractionIdentity.ContextOf(interaction) is not { } context)
        {
            return null;
        }

        var customId = interaction.Data?.CustomId ?? "";
        var result = customId.StartsWith(SavePrefix, StringComparison.Ordinal)
            ? Save(context, interaction.Message?.Id, customId[SavePrefix.Length..])
            : new ErrorResult("This button is from an older PaperBot and no longer does anything.");
        return InteractionReply.Message(renderer.Render(result) with { Flags = MessagePayload.Ephemeral });
    }

    /// <summary>The post PaperBot recorded names the paper; the button's own id covers a post the store does not know.</summary>
    private CommandResult Save(CommandContext context, string? messageId, string arxivId)
    {
        var fromPost = string.IsNullOrEmpty(messageId) ? null : readingList.SaveFromPost(context.Channel, messageId, context.User);
        return fromPost is null or ErrorResult ? readingList.Save(context.User, arxivId) : fromPost;
    }
}
