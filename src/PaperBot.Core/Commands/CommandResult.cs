using PaperBot.Core.Channels;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Commands;

/// <summary>
/// What a command produces (posts and digests are delivery messages of their own, in <c>Publishing</c>). Adapters
/// map each case's view (<see cref="Presentation.Views"/>) in their own way. <see cref="Private"/> results are shown only to the caller where
/// the platform allows (ephemeral on Discord and Slack).
/// </summary>
public abstract record CommandResult
{
    private protected CommandResult()
    {
    }

    public virtual bool Private => true;

    /// <summary>One line saying how it ended, for the log (e.g. after a reaction, which has no reply to show).</summary>
    public virtual string Outcome => GetType().Name;
}

/// <summary>A page of papers, for <c>today</c> and similar listings.</summary>
/// <param name="Heading">What the list is, e.g. "Daily Papers for Tue, Nov 25, 2026".</param>
/// <param name="Papers">This page's papers, in display order.</param>
/// <param name="FirstNumber">The 1-based position of the first paper of this page in the whole list.</param>
/// <param name="Total">How many papers the whole list has.</param>
/// <param name="Notice">Something the reader should know first (e.g. "No papers yet today"), or null.</param>
/// <param name="More">The command that shows the next page (written by each surface in its own syntax), or null on the last page.</param>
public sealed record PaperListResult(
    string Heading,
    IReadOnlyList<Paper> Papers,
    int FirstNumber,
    int Total,
    string? Notice,
    CommandInvocation? More) : CommandResult
{
    /// <summary>True for a list meant for the caller alone (recommendations from their reading list).</summary>
    public bool ForCallerOnly { get; init; }

    public override bool Private => ForCallerOnly;
}

/// <summary>Something was done; <paramref name="Message"/> says what.</summary>
public sealed record ConfirmationResult(string Message) : CommandResult
{
    public override string Outcome => Message;

    /// <summary>For a new subscription: what it would have matched recently (also described in <see cref="Message"/>).</summary>
    public SubscriptionPreview? Preview { get; init; }
}

/// <summary>Something could not be done; <paramref name="Message"/> says what and how to fix it.</summary>
public sealed record ErrorResult(string Message, string? Hint = null) : CommandResult
{
    public override string Outcome => Message;
}

/// <summary>The command reference, optionally after a line explaining why it is shown; each surface writes the usage lines.</summary>
public sealed record HelpResult(string? Preface, IReadOnlyList<CommandSpec> Commands) : CommandResult;

/// <summary>A channel's subscriptions, and why posting is paused if it is.</summary>
public sealed record SubscriptionListResult(ChannelRef Channel, IReadOnlyList<Subscription> Subscriptions, string? PausedReason) : CommandResult;

/// <summary>The caller's reading list; <see cref="SavedEntry.Paper"/> is null for a paper PaperBot has not seen.</summary>
public sealed record SavedListResult(IReadOnlyList<SavedEntry> Entries) : CommandResult
{
    /// <summary>The normalised query the list was filtered with, or null for the whole list.</summary>
    public string? Filter { get; init; }
}

public sealed record SavedEntry(SavedPaper Saved, Paper? Paper);

/// <summary>A file for the caller (an export): a Discord attachment, a Slack upload, a file on the console.</summary>
/// <param name="FileName">A safe file name, e.g. <c>paperbot-saved-2026-11-25.bib</c>.</param>
/// <param name="MediaType">e.g. <c>application/x-bibtex</c>.</param>
/// <param name="Content">The file's bytes (UTF-8 text for every export format).</param>
/// <param name="Summary">One line saying what the file holds.</param>
public sealed record FileResult(string FileName, string MediaType, byte[] Content, string Summary) : CommandResult;
