using System.Text;
using static PaperBot.Admin.Html;

namespace PaperBot.Admin;

/// <summary>The operator page's Replicas section (PostgreSQL only): every replica, which one polls, which one answered.</summary>
internal static class AdminReplicas
{
    public static void Append(StringBuilder body, AdminSnapshot s)
    {
        if (s.Replicas is not { } view)
        {
            return;
        }

        body.Append("<section id=\"replicas\"><h2>Replicas</h2><p>This page comes from <code data-field=\"self\">").Append(E(view.Self))
            .Append("</code>. Only the replica marked as polling polls the listing, plans digests and prunes; every replica sends deliveries "
                + "and answers commands.</p><div class=\"scroll\"><table id=\"replica-table\"><thead><tr><th>Replica</th><th>Host</th>"
                + "<th>Started</th><th>Last heartbeat</th><th>Role</th></tr></thead><tbody>");
        foreach (var replica in view.All)
        {
            var role = !replica.Alive ? "gone (no heartbeat)" : replica.Leads ? "polls" : "sends and answers";
            body.Append("<tr data-replica=\"").Append(E(replica.Id)).Append("\"><td>").Append(E(replica.Id))
                .Append(replica.Id == view.Self ? " (this one)" : "").Append("</td><td>").Append(E(replica.Host)).Append("</td><td>")
                .Append(When(replica.StartedAt, s.Now)).Append("</td><td>").Append(When(replica.LastHeartbeat, s.Now)).Append("</td><td class=\"")
                .Append(replica.Alive ? "ok" : "bad").Append("\" data-field=\"role\">").Append(role).Append("</td></tr>");
        }

        body.Append("</tbody></table></div></section>");
    }
}
