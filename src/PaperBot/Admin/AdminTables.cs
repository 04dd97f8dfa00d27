using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using PaperBot.Core.Storage;
using static PaperBot.Admin.Html;

namespace PaperBot.Admin;

/// <summary>The operator page's tables: channels with their subscriptions, paused channels, the outbox.</summary>
internal static class AdminTables
{
    public static void AppendChannels(StringBuilder body, AdminSnapshot s)
    {
        body.Append("<section id=\"channels\"><h2>Channels</h2><div class=\"scroll\"><table id=\"channel-table\"><thead><tr>")
            .Append("<th>Channel</th><th>Posting</th><th>Subscription</th><th>Query</th><th>Options</th><th>Created by</th></tr></thead><tbody>");
        foreach (var channel in s.Channels)
        {
            var state = channel.IsPaused ? "<td class=\"bad\">paused</td>" : "<td class=\"ok\">active</td>";
            var subscriptions = s.SubscriptionsByChannel[channel.Channel.Key].ToList();
            if (subscriptions.Count == 0)
            {
                body.Append("<tr><td>").Append(E(channel.Channel.Key)).Append("</td>").Append(state).Append("<td colspan=\"4\" class=\"muted\">no subscriptions</td></tr>");
            }

            foreach (var subscription in subscriptions)
            {
                body.Append("<tr><td>").Append(E(channel.Channel.Key)).Append("</td>").Append(state)
                    .Append("<td>#").Append(subscription.Id).Append("</td><td><code>").Append(E(subscription.Query)).Append("</code></td><td>")
                    .Append(E(subscription.Options.ToString())).Append("</td><td>").Append(E(subscription.CreatedBy)).Append("</td></tr>");
            }
        }

        body.Append("</tbody></table></div>");
        if (s.Channels.Count == 0)
        {
            body.Append("<p class=\"muted\">No channel has subscribed yet: run /papers subscribe in one.</p>");
        }

        body.Append("</section>");
    }

    public static void AppendPaused(StringBuilder body, AdminSnapshot s, AntiforgeryTokenSet tokens)
    {
        var paused = s.Channels.Where(c => c.IsPaused).ToList();
        body.Append("<section id=\"paused\"><h2>Paused channels</h2>");
        if (paused.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"paused-none\">No channel is paused.</p></section>");
            return;
        }

        body.Append("<div class=\"scroll\"><table id=\"paused-table\"><thead><tr><th>Channel</th><th>Reason</th><th>Since</th><th></th></tr></thead><tbody>");
        foreach (var channel in paused)
        {
            body.Append("<tr><td>").Append(E(channel.Channel.Key)).Append("</td><td>").Append(E(channel.PausedReason)).Append("</td><td>")
                .Append(When(channel.PausedAt, s.Now)).Append("</td><td>").Append(Button("/admin/resume", "Resume", tokens, ("channel", channel.Channel.Key)))
                .Append("</td></tr>");
        }

        body.Append("</tbody></table></div></section>");
    }

    public static void AppendOutbox(StringBuilder body, AdminSnapshot s, AntiforgeryTokenSet tokens)
    {
        body.Append("<section id=\"outbox\"><h2>Outbox</h2><dl>")
            .Append("<dt>Pending</dt><dd data-field=\"pending\">").Append(E(s.Outbox.Pending)).Append("</dd>")
            .Append("<dt>In doubt</dt><dd data-field=\"in-doubt\">").Append(E(s.Outbox.InDoubt)).Append("</dd>")
            .Append("<dt>Failed</dt><dd data-field=\"failed\">").Append(E(s.Outbox.Failed)).Append("</dd></dl>");

        body.Append("<h3>In doubt</h3>");
        Deliveries(body, "in-doubt-table", s.InDoubt, "Nothing is in doubt.", d => E(d.LastError ?? "PaperBot stopped mid-send; it checks the channel before sending again"), null);

        body.Append("<h3>Failed</h3>");
        Deliveries(body, "failed-table", s.Failed, "No delivery has failed.", d => E(d.LastError),
            d => Button("/admin/retry", "Retry", tokens, ("delivery", d.Id)));

        body.Append("<h3>Latest deliveries</h3><div class=\"scroll\"><table id=\"latest-table\"><thead><tr><th>Sent</th><th>Channel</th><th>Paper</th><th>Message</th></tr></thead><tbody>");
        foreach (var delivery in s.Latest)
        {
            body.Append("<tr><td>").Append(When(delivery.SentAt, s.Now)).Append("</td><td>").Append(E(delivery.Channel.Key)).Append("</td><td>")
                .Append(E(Label(delivery))).Append("</td><td><code>").Append(E(delivery.MessageId)).Append("</code></td></tr>");
        }

        body.Append("</tbody></table></div>");
        if (s.Latest.Count == 0)
        {
            body.Append("<p class=\"muted\">Nothing has been posted yet.</p>");
        }

        body.Append("</section>");
    }

    private static void Deliveries(StringBuilder body, string id, IReadOnlyList<Delivery> rows, string empty, Func<Delivery, string> reason, Func<Delivery, string>? action)
    {
        if (rows.Count == 0)
        {
            body.Append("<p class=\"muted\" id=\"").Append(id).Append("-none\">").Append(E(empty)).Append("</p>");
            return;
        }

        body.Append("<div class=\"scroll\"><table id=\"").Append(id).Append("\"><thead><tr><th>Channel</th><th>Paper</th><th>Attempts</th><th>Reason</th>")
            .Append(action is null ? "" : "<th></th>").Append("</tr></thead><tbody>");
        foreach (var delivery in rows)
        {
            body.Append("<tr><td>").Append(E(delivery.Channel.Key)).Append("</td><td>").Append(E(Label(delivery))).Append("</td><td>")
                .Append(delivery.Attempts).Append("</td><td>").Append(reason(delivery)).Append("</td>")
                .Append(action is null ? "" : $"<td>{action(delivery)}</td>").Append("</tr>");
        }

        body.Append("</tbody></table></div>");
    }

    private static string Label(Delivery delivery) =>
        delivery.Kind == DeliveryKind.Digest ? $"{delivery.Heading ?? "digest"} ({delivery.DigestPapers.Count} papers)" : delivery.ArxivId;
}
