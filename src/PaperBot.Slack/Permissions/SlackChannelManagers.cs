using Microsoft.Extensions.Options;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.Permissions;

/// <summary>
/// Who may subscribe, unsubscribe, pause and resume a Slack channel: workspace admins and owners, the channel's
/// creator, the users in <c>Slack:ManagerUserIds</c>, and anyone in a direct message with PaperBot; everyone when
/// <c>Slack:AnyoneCanManage</c> is true. Slack is asked only for commands that change a channel.
/// </summary>
internal sealed class SlackChannelManagers(SlackDirectory directory, IOptions<SlackOptions> options)
{
    public async Task<ManagerDecision> DecideAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AnyoneCanManage || settings.Managers.Contains(userId))
        {
            return ManagerDecision.Yes;
        }

        var admin = await directory.IsAdminAsync(userId, cancellationToken).ConfigureAwait(false);
        if (admin.Value)
        {
            return ManagerDecision.Yes;
        }

        var channel = await directory.ChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (channel.Value is { } facts && (facts.IsDirectMessage || facts.Creator == userId))
        {
            return ManagerDecision.Yes;
        }

        var problem = admin.Problem ?? channel.Problem;
        return problem is null ? ManagerDecision.No : new ManagerDecision(false, problem);
    }

    /// <summary>The refusal's hint: who can do it instead.</summary>
    public string WhoCanManage => options.Value.Managers.Count > 0
        ? "On Slack that is workspace admins and owners, whoever created this channel, and the managers PaperBot's operator named. Ask one of them, or use /papers subscriptions to see what is set up."
        : "On Slack that is workspace admins and owners and whoever created this channel. Ask one of them, or use /papers subscriptions to see what is set up.";
}
