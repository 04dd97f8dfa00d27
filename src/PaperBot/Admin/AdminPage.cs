using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using PaperBot.Core.Listing;
using static PaperBot.Admin.Html;

namespace PaperBot.Admin;

/// <summary>The operator page: listing, platforms, channels, paused channels and the outbox, server-rendered.</summary>
internal static class AdminPage
{
    public static string Render(AdminSnapshot s, AntiforgeryTokenSet tokens, string? notice, bool signedIn)
    {
        var body = new StringBuilder();
        body.Append("<header><h1>PaperBot operator page</h1><span class=\"muted\">as of ").Append(When(s.Now, s.Now)).Append("</span>");
        if (signedIn)
        {
            body.Append(Button("/admin/signout", "Sign out", tokens));
        }

        body.Append("</header>");
        if (notice is not null)
        {
            body.Append("<p class=\"notice\" id=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        }

        AppendListing(body, s, tokens);
        AppendPlatforms(body, s);
        AdminReplicas.Append(body, s);
        AdminTables.AppendChannels(body, s);
        AdminTables.AppendPaused(body, s, tokens);
        AdminTables.AppendOutbox(body, s, tokens);
        AppendEmbeddings(body, s);
        return Page("PaperBot operator page", body.ToString());
    }

    private static void AppendListing(StringBuilder body, AdminSnapshot s, AntiforgeryTokenSet tokens)
    {
        var healthy = s.Listing.Status != ListingHealthStatus.Degraded;
        body.Append("<section id=\"listing\"><h2>Listing</h2><dl>")
            .Append("<dt>Last poll</dt><dd data-field=\"last-poll\">").Append(When(s.Listing.At, s.Now)).Append("</dd>")
            .Append("<dt>Outcome</dt><dd data-field=\"outcome\" class=\"").Append(healthy ? "ok" : "bad").Append("\">")
            .Append(E(s.Listing.Description)).Append("</dd>")
            .Append("<dt>Papers-day</dt><dd data-field=\"papers-day\">").Append(E(s.PapersDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—")).Append("</dd>")
            .Append("<dt>Layout alarm</dt><dd data-field=\"layout-alarm\"").Append(s.LayoutAlarm ? " class=\"bad\">RAISED: the page has no recognisable papers; nothing is recorded or posted until it reads again" : ">none").Append("</dd>")
            .Append("<dt>Next poll</dt><dd data-field=\"next-poll\">").Append(When(s.NextPollAt, s.Now)).Append("</dd>")
            .Append("<dt>Papers stored</dt><dd data-field=\"papers-stored\">").Append(E(s.PapersStored)).Append("</dd>")
            .Append("</dl>").Append(Button("/admin/poll", "Poll now", tokens)).Append("</section>");
    }

    // Present only where the sentence model runs (topics by meaning).
    private static void AppendEmbeddings(StringBuilder body, AdminSnapshot s)
    {
        if (s.Embeddings is not { } e)
        {
            return;
        }

        body.Append("<section id=\"embeddings\"><h2>Embeddings</h2><dl>")
            .Append("<dt>State</dt><dd data-field=\"embedding-state\" class=\"").Append(e.LastError is null ? "ok" : "bad").Append("\">")
            .Append(E(e.Description)).Append("</dd>")
            .Append("<dt>Papers with a vector</dt><dd data-field=\"embedded\">").Append(E(e.Embedded)).Append("</dd>")
            .Append("<dt>Still to embed</dt><dd data-field=\"embedding-waiting\">").Append(e.Waiting is { } w ? E(w) : "not counted yet").Append("</dd>")
            .Append("<dt>Embedded since start</dt><dd data-field=\"embedded-this-run\">").Append(E(e.EmbeddedThisRun)).Append("</dd>")
            .Append("</dl></section>");
    }

    private static void AppendPlatforms(StringBuilder body, AdminSnapshot s)
    {
        body.Append("<section id=\"platforms\"><h2>Platforms</h2><div class=\"scroll\"><table id=\"platform-table\"><thead><tr><th>Platform</th><th>State</th></tr></thead><tbody>");
        foreach (var platform in s.Platforms)
        {
            body.Append("<tr><td>").Append(E(platform.Name)).Append("</td><td class=\"").Append(platform.Up ? "ok" : "bad").Append("\">")
                .Append(E(platform.Description)).Append("</td></tr>");
        }

        body.Append("</tbody></table></div></section>");
    }

    /// <summary>The sign-in form (a token is set and the request has none).</summary>
    public static string SignIn(AntiforgeryTokenSet tokens, bool wrongToken) => Page("PaperBot · sign in", $"""
        <h1>PaperBot operator page</h1>
        {(wrongToken ? "<p class=\"bad\" id=\"notice\" role=\"alert\">That is not the operator token. Try again.</p>" : "")}
        <p>Sign in with the operator token (<code>Admin:Token</code> in PaperBot's configuration).</p>
        <form method="post" action="/admin/signin">{Antiforgery(tokens)}
        <p><label for="token">Token</label><br><input type="password" id="token" name="token" autocomplete="current-password" required></p>
        <p><button type="submit">Sign in</button></p></form>
        """);

    /// <summary>What a client elsewhere sees while no token is set.</summary>
    public static string LoopbackOnly() => Page("PaperBot · operator page", """
        <h1>PaperBot operator page</h1>
        <p>This page answers only on the machine PaperBot runs on (a loopback address, not through a proxy), because no
        operator token is set.</p>
        <p>To open it to other addresses, set <code>Admin:Token</code> to a long random value (for example
        <code>PaperBot__Admin__Token=$(openssl rand -hex 24)</code> in the environment) and restart PaperBot; then sign
        in here with that token, or send it as <code>Authorization: Bearer</code>.</p>
        """);
}
