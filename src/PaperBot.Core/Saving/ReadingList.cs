using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Saving;

/// <summary>
/// Saving and unsaving papers, however the user asked: a command with an arXiv id, a reaction on a posted
/// paper, or its Save button. Every platform calls into this one class.
/// </summary>
public sealed class ReadingList(IReadingListStore store, IPaperStore papers, IDeliveryStore deliveries, TimeProvider time)
{
    /// <summary>Saves the paper with this arXiv id (any form: with version, arXiv: prefix or URL).</summary>
    public CommandResult Save(UserRef user, string arxivIdText)
    {
        if (!TryParseId(arxivIdText, out var id, out var error))
        {
            return error;
        }

        return SaveId(user, id);
    }

    /// <summary>Removes the paper with this arXiv id from the user's list.</summary>
    public CommandResult Unsave(UserRef user, string arxivIdText)
    {
        if (!TryParseId(arxivIdText, out var id, out var error))
        {
            return error;
        }

        return UnsaveId(user, id);
    }

    /// <summary>Saves the paper of a message PaperBot posted (a reaction or Save button on it).</summary>
    public CommandResult SaveFromPost(ChannelRef channel, string messageId, UserRef user) =>
        deliveries.FindPost(channel, messageId) is { } post
            ? SaveId(user, post.ArxivId)
            : NotAPaperPost();

    /// <summary>Unsaves the paper of a message PaperBot posted (a removed reaction).</summary>
    public CommandResult UnsaveFromPost(ChannelRef channel, string messageId, UserRef user) =>
        deliveries.FindPost(channel, messageId) is { } post
            ? UnsaveId(user, post.ArxivId)
            : NotAPaperPost();

    /// <summary>
    /// A Save button: the post PaperBot recorded names the paper; the paper id the button carries covers a post the store
    /// does not know (an older message, a digest's numbered buttons). Either may be missing.
    /// </summary>
    public CommandResult SaveFromButton(ChannelRef? channel, string? messageId, UserRef user, string? buttonPaperId)
    {
        var fromPost = channel is null || string.IsNullOrEmpty(messageId) ? null : SaveFromPost(channel, messageId, user);
        if (fromPost is ConfirmationResult)
        {
            return fromPost;
        }

        return ArxivId.TryNormalize(buttonPaperId, out _) ? Save(user, buttonPaperId!) : fromPost ?? new ErrorResult("That button carries no paper to save.");
    }

    /// <summary>
    /// A reaction added to or removed from a message: the save reaction saves or unsaves the post's paper; any other
    /// reaction, and the bot's own (its save hint), is no one saving anything and is ignored (null).
    /// </summary>
    public CommandResult? ApplyReaction(PostReaction reaction)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        if (!reaction.IsSaveReaction || reaction.ByBot)
        {
            return null;
        }

        return reaction.Added
            ? SaveFromPost(reaction.Channel, reaction.MessageId, reaction.User)
            : UnsaveFromPost(reaction.Channel, reaction.MessageId, reaction.User);
    }

    private CommandResult SaveId(UserRef user, string id)
    {
        var name = Describe(id);
        return store.Save(user, id, time.GetUtcNow())
            ? new ConfirmationResult($"Saved {name} to your reading list. See it with /papers saved.")
            : new ConfirmationResult($"{name} is already on your reading list.");
    }

    private CommandResult UnsaveId(UserRef user, string id)
    {
        var name = Describe(id);
        return store.Unsave(user, id)
            ? new ConfirmationResult($"Removed {name} from your reading list.")
            : new ConfirmationResult($"{name} was not on your reading list. Nothing changed.");
    }

    private string Describe(string id) => papers.Find(id) is { } paper ? $"{id} \"{paper.Title}\"" : id;

    private static bool TryParseId(string text, out string id, out ErrorResult error)
    {
        error = null!;
        if (ArxivId.TryNormalize(text, out var normalized))
        {
            id = normalized;
            return true;
        }

        id = "";
        error = new ErrorResult(
            string.IsNullOrWhiteSpace(text) ? "Which paper? Give its arXiv id." : $"\"{text.Trim()}\" is not an arXiv id.",
            "Write it like 2509.04664 (a version such as v2, an arXiv: prefix or an arxiv.org link also work).");
        return false;
    }

    private static ErrorResult NotAPaperPost() =>
        new("That message is not a paper PaperBot posted, so there is nothing to save.");
}
