using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace PaperBot.Admin;

/// <summary>Small pieces of the operator page's HTML; every value from the store or a platform goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string E(int number) => number.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An instant in UTC with how long ago (or until) it is, e.g. "2026-11-24 09:00 UTC (3 min ago)".</summary>
    public static string When(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } value)
        {
            return "—";
        }

        var delta = now - value;
        var span = delta.Duration();
        var amount = span.TotalMinutes < 1 ? $"{span.TotalSeconds:0} s" : span.TotalHours < 1 ? $"{span.TotalMinutes:0} min" : span.TotalDays < 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalDays:0.#} days";
        var relative = delta >= TimeSpan.Zero ? $"{amount} ago" : $"in {amount}";
        return E(string.Create(CultureInfo.InvariantCulture, $"{value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({relative})"));
    }

    /// <summary>A one-button POST form with the anti-forgery field and hidden <paramref name="fields"/>.</summary>
    public static string Button(string action, string label, AntiforgeryTokenSet tokens, params (string Name, string Value)[] fields)
    {
        var hidden = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{E(f.Name)}\" value=\"{E(f.Value)}\">"));
        return $"<form method=\"post\" action=\"{E(action)}\">{Antiforgery(tokens)}{hidden}<button type=\"submit\">{E(label)}</button></form>";
    }

    public static string Antiforgery(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";

    /// <summary>The page around <paramref name="body"/>: readable on a phone, no script.</summary>
    public static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}}</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:.75rem;color:#1d1d1f;background:#fafafa}
        h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:1rem 0 .3rem}
        header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #e2e2e2;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f0f0f3;font-weight:600}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0}
        .ok{color:#176b2c}.bad{color:#a4161a;font-weight:600}.muted{color:#666}.notice{background:#fff7d6;border:1px solid #e8d27a;padding:.5rem}
        form{display:inline;margin:0}button{font:inherit;padding:.35rem .8rem;border-radius:.3rem;border:1px solid #888;background:#fff;cursor:pointer}
        input[type=password]{font:inherit;padding:.35rem;width:min(24rem,100%)}code{overflow-wrap:anywhere}
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;
}
