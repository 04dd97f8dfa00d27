using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Saving;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// The save emoji added to a paper PaperBot posted saves it to the reacting user's list; removing it unsaves.
/// The bot's own hint reactions and other emoji are ignored, as are messages that are not paper posts.
/// </summary>
internal sealed class ReactionSaver(ReadingList readingList, IOptions<DiscordOptions> options, ILogger<ReactionSaver> logger)
{
    public void Handle(ReactionEvent reaction, bool added, string? botUserId)
    {
        var member = reaction.Member?.User;
        var result = readingList.ApplyReaction(new PostReaction(
            new ChannelRef(DiscordRoutes.Platform, reaction.ChannelId),
            reaction.MessageId,
            new UserRef(DiscordRoutes.Platform, reaction.UserId, member?.GlobalName ?? member?.Username),
            added,
            IsSaveReaction: reaction.Emoji.Id is null && Bare(reaction.Emoji.Name) == Bare(options.Value.SaveEmoji),
            ByBot: reaction.UserId == botUserId));
        if (result is null)
        {
            return;
        }

        Log.ReactionHandled(logger, added ? "added" : "removed", reaction.UserId, reaction.MessageId, result.Outcome);
    }

    /// <summary>Discord may send an emoji with or without the emoji presentation selector (U+FE0F).</summary>
    private static string Bare(string? emoji) => (emoji ?? "").Replace("\uFE0F", "", StringComparison.Ordinal);
}
