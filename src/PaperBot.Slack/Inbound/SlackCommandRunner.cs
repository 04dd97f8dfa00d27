using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Inbound;
using PaperBot.Slack.Blocks;
using PaperBot.Slack.Files;
using PaperBot.Slack.Permissions;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// Runs <c>/papers ...</c> through the shared command layer. An answer ready within <see cref="AckBudget"/> is the
/// acknowledgement itself; a slower one is acknowledged empty and answered later through <c>response_url</c>. All
/// of the command's work, the durable duplicate check included, runs through the <see cref="CommandGate"/>: the
/// request's own thread only waits, at most <see cref="AckBudget"/>.
/// </summary>
internal sealed class SlackCommandRunner(
    CommandDispatcher dispatcher,
    InboundEvents inboundEvents,
    RecentReplies recent,
    FollowUps followUps,
    SlackFileSender files,
    SlackChannelManagers managers,
    CommandGate gate,
    TimeProvider time,
    ILogger<SlackCommandRunner> logger)
{
    /// <summary>Slack wants the acknowledgement within 3 seconds; this leaves a second for the trip back (PaperBot's target is 2.5 s).</summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>The reply to acknowledge with, or null to acknowledge empty (the answer follows, or was already given).</summary>
    public async Task<SlackMessage?> RunAsync(SlashCommandPayload command, CancellationToken cancellationToken)
    {
        if (!command.IsComplete)
        {
            return SlackMessage.Ephemeral("Slack sent this command without a channel or user, so PaperBot cannot run it.");
        }

        var trigger = command.TriggerId;
        if (trigger is not null && recent.TryGet(trigger, out var earlier))
        {
            // Delivered again (the first acknowledgement was lost): same answer, not run twice.
            Log.Repeat(logger, "command", trigger);
            return await WithinBudgetAsync(earlier, command, followUp: false, cancellationToken).ConfigureAwait(false);
        }

        if (!gate.TryRun(() => ExecuteOnceAsync(command), out var work))
        {
            return ResultRenderer.Render(CommandDispatcher.Busy);
        }

        if (trigger is not null)
        {
            recent.Add(trigger, work);
        }

        return await WithinBudgetAsync(work, command, followUp: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackMessage?> WithinBudgetAsync(Task<SlackMessage?> work, SlashCommandPayload command, bool followUp, CancellationToken cancellationToken)
    {
        if (!work.IsCompleted)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(AckBudget, time, budget.Token);
            var first = await Task.WhenAny(work, timer).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
            if (first != work)
            {
                if (followUp)
                {
                    followUps.Send("command", command.ResponseUrl, work);
                }

                return null;
            }
        }

        return await work.ConfigureAwait(false);
    }

    /// <summary>Null when the command was run already (Slack delivered it again after PaperBot restarted).</summary>
    private async Task<SlackMessage?> ExecuteOnceAsync(SlashCommandPayload command)
    {
        if (command.TriggerId is { } trigger && !inboundEvents.IsFirst(SlackIds.DedupKey("command", trigger)))
        {
            Log.Repeat(logger, "command", trigger);
            return null;
        }

        return await ExecuteAsync(command).ConfigureAwait(false);
    }

    private async Task<SlackMessage> ExecuteAsync(SlashCommandPayload command)
    {
        // The command outlives the request that carried it (its answer may follow through response_url).
        var text = CommandTextOf(command.Text);
        var (subcommand, arguments) = CommandText.Split(text);
        var canManage = true;
        if (dispatcher.ManagesChannel(subcommand))
        {
            // Slack is asked who manages the channel only for the commands that change it.
            var decision = await managers.DecideAsync(command.ChannelId!, command.UserId!, CancellationToken.None).ConfigureAwait(false);
            if (decision.Problem is { } problem)
            {
                return ResultRenderer.Render(new ErrorResult("PaperBot could not check whether you may change this channel.", problem));
            }

            canManage = decision.Allowed;
        }

        var context = new CommandContext(
            new ChannelRef(SlackPlatform.Name, command.ChannelId!),
            new UserRef(SlackPlatform.Name, command.UserId!, command.UserName),
            canManage,
            managers.WhoCanManage);
        var result = await dispatcher.ExecuteAsync(context, subcommand, arguments, CancellationToken.None).ConfigureAwait(false);

        // A slash command cannot answer with a file, so an export goes to the caller's direct messages and the answer says so.
        return result is FileResult file
            ? await files.SendAsync(file, command.UserId!, CancellationToken.None).ConfigureAwait(false)
            : ResultRenderer.Render(result);
    }

    /// <summary>
    /// Slack escapes &amp;, &lt; and &gt; in command text, and some keyboards type curly quotes; the query
    /// language wants the characters the user meant.
    /// </summary>
    internal static string CommandTextOf(string? text) =>
        (text ?? "")
            .Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal)
            .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"');
}
