using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>
/// Writes papers the way Hugging Face serves them, as an API response or as a server-rendered page with the
/// HTML-escaped data-props JSON, so tests can put any set of papers on the fake listing server.
/// </summary>
public static class ListingDocuments
{
    public static string ApiJson(IEnumerable<Paper> papers) => new JsonArray([.. papers.Select(Item)]).ToJsonString();

    public static string PageHtml(IEnumerable<Paper> papers, DateOnly day)
    {
        var props = new JsonObject
        {
            ["dailyPapers"] = new JsonArray([.. papers.Select(Item)]),
            ["dateString"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["periodType"] = "day",
        };
        return $"""
            <!doctype html>
            <html><head><title>Daily Papers - Hugging Face</title></head>
            <body><main>
            <div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{WebUtility.HtmlEncode(props.ToJsonString())}"></div>
            </main></body></html>
            """;
    }

    private static JsonObject Item(Paper paper)
    {
        var listed = paper.ListedOn.ToDateTime(new TimeOnly(2, 44), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
        var inner = new JsonObject
        {
            ["id"] = paper.ArxivId,
            ["authors"] = new JsonArray([.. paper.Authors.Select(a => new JsonObject { ["name"] = a, ["hidden"] = false })]),
            ["publishedAt"] = paper.PublishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["submittedOnDailyAt"] = listed,
            ["title"] = paper.Title,
            ["summary"] = paper.Abstract,
            ["upvotes"] = paper.Upvotes,
            ["ai_keywords"] = new JsonArray([.. paper.Keywords.Select(k => JsonValue.Create(k))]),
        };
        if (paper.GithubRepo is not null)
        {
            inner["githubRepo"] = paper.GithubRepo;
        }

        return new JsonObject
        {
            ["paper"] = inner,
            ["publishedAt"] = listed,
            ["title"] = paper.Title,
            ["summary"] = paper.Abstract,
            ["numComments"] = paper.Comments,
            ["thumbnail"] = $"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{paper.ArxivId}.png",
        };
    }
}
