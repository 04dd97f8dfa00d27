using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>
/// Writes papers the way Hugging Face serves them (see shared/docs/huggingface-daily-papers.md), so tests can put any set
/// of papers on the fake listing server in a real shape: an API answer (items with <c>ai_summary</c>/<c>ai_keywords</c>),
/// a current day page (eight hydrater elements, props with <c>dateString</c>, visible cards) or a 2024 day page (props
/// with <c>date</c> and <c>nextDate</c>, items without <c>submittedOnDailyAt</c>). As on the real listing, an item's
/// top-level <c>publishedAt</c> is its arXiv time a few hours back, never the papers-day.
/// </summary>
public static class ListingDocuments
{
    public static string ApiJson(IEnumerable<Paper> papers) => new JsonArray([.. papers.Select(p => Item(p, Shape.Api))]).ToJsonString();

    /// <summary>A day page of the current layout for <paramref name="day"/>.</summary>
    public static string PageHtml(IEnumerable<Paper> papers, DateOnly day)
    {
        var list = papers.ToList();
        var props = new JsonObject
        {
            ["canSubmit"] = false,
            ["dateString"] = Iso(day),
            ["dailyPapers"] = new JsonArray([.. list.Select(p => Item(p, Shape.Page))]),
            ["prevDate"] = Iso(day.AddDays(day.DayOfWeek == DayOfWeek.Monday ? -3 : -1)),
            ["periodType"] = "day",
            ["query"] = new JsonObject(),
            ["isTrending"] = false,
            ["publisher"] = new JsonObject { ["fullname"] = "AK", ["user"] = "akhaliq", ["type"] = "user" },
        };
        return Page(day,
        [
            Hydrater("SystemThemeMonitor", new JsonObject { ["isLoggedIn"] = false }),
            Hydrater("MainHeader", new JsonObject { ["classNames"] = "", ["isWide"] = false }),
            Hydrater("DailyPapersBannerSubscribe", new JsonObject { ["isLoggedIn"] = false }),
            Hydrater("DailyPapersPeriodTabs", new JsonObject { ["periodType"] = "day", ["dateString"] = Iso(day) }),
            Hydrater("DailyPapersSearch", new JsonObject { ["query"] = "" }),
            Hydrater("DailyPapers", props),
            Cards(list),
            Hydrater("DailyPapersSubmitCTA", new JsonObject { ["canSubmit"] = false }),
            Hydrater("ThemeSwitcher", new JsonObject { ["theme"] = "system", ["isLoggedIn"] = false }),
        ]);
    }

    /// <summary>A day page of the 2024 layout for <paramref name="day"/>.</summary>
    public static string Page2024Html(IEnumerable<Paper> papers, DateOnly day)
    {
        var list = papers.ToList();
        var props = new JsonObject
        {
            ["canSubmit"] = false,
            ["date"] = $"{Iso(day)}T00:00:00.000Z",
            ["dailyPapers"] = new JsonArray([.. list.Select(p => Item(p, Shape.Page2024))]),
            ["nextDate"] = Iso(day.AddDays(1)),
            ["prevDate"] = Iso(day.AddDays(-1)),
            ["publisher"] = new JsonObject { ["fullname"] = "AK", ["user"] = "akhaliq", ["type"] = "user" },
        };
        return Page(day,
        [
            Hydrater("MainHeader", new JsonObject { ["classNames"] = "", ["isWide"] = false }),
            Hydrater("DailyPapers", props),
            Cards(list),
            Hydrater("ThemeSwitcher", new JsonObject { ["theme"] = "system", ["isLoggedIn"] = false }),
        ]);
    }

    private enum Shape
    {
        Api,
        Page,
        Page2024,
    }

    private static JsonObject Item(Paper paper, Shape shape)
    {
        var arxivTime = paper.PublishedAt ?? new DateTimeOffset(paper.ListedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-2);
        var listed = Timestamp(paper.ListedOn.ToDateTime(shape == Shape.Api ? TimeOnly.MinValue : new TimeOnly(2, 44, 7, 512), DateTimeKind.Utc));
        var inner = new JsonObject
        {
            ["id"] = paper.ArxivId,
            ["authors"] = new JsonArray([.. paper.Authors.Select((a, i) => Author(paper, a, i, shape))]),
            ["publishedAt"] = Timestamp(arxivTime.UtcDateTime),
        };
        if (shape != Shape.Page2024)
        {
            inner["submittedOnDailyAt"] = listed;
        }

        inner["title"] = paper.Title;
        if (shape != Shape.Page2024)
        {
            inner["submittedOnDailyBy"] = Submitter();
        }

        inner["summary"] = paper.Abstract;
        inner["upvotes"] = paper.Upvotes;
        inner["discussionId"] = HexId(paper.ArxivId, "discussion");
        if (shape == Shape.Api)
        {
            // Seen in API answers only, never in page props.
            inner["ai_summary"] = $"A study of {paper.Title.ToLowerInvariant()}.";
            inner["ai_keywords"] = new JsonArray([.. paper.Keywords.Select(k => JsonValue.Create(k))]);
        }

        if (shape != Shape.Page2024)
        {
            AddOptionalLinks(paper, inner);
        }

        var item = new JsonObject
        {
            ["paper"] = inner,
            // The arXiv time shifted a few hours back, as the real listing has it; on 2024 pages it was the listing day.
            ["publishedAt"] = shape == Shape.Page2024 ? listed : Timestamp(arxivTime.UtcDateTime.AddHours(-4)),
            ["title"] = paper.Title,
            ["summary"] = paper.Abstract,
            ["thumbnail"] = $"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{paper.ArxivId}.png",
            ["numComments"] = paper.Comments,
            ["submittedBy"] = Submitter(),
        };
        if (shape != Shape.Page2024)
        {
            if (inner["organization"] is JsonObject organization)
            {
                item["organization"] = organization.DeepClone();
            }

            item["isAuthorParticipating"] = false;
        }

        return item;
    }

    private static void AddOptionalLinks(Paper paper, JsonObject inner)
    {
        if (paper.GithubRepo is not null)
        {
            inner["githubRepo"] = paper.GithubRepo;
            inner["githubRepoAddedBy"] = "auto";
            inner["githubStars"] = paper.GithubStars ?? 0;
        }

        if (paper.ProjectPage is not null)
        {
            inner["projectPage"] = paper.ProjectPage;
        }

        if (paper.Organization is not null)
        {
            inner["organization"] = new JsonObject
            {
                ["_id"] = HexId(paper.Organization, "org"),
                ["name"] = paper.Organization.ToLowerInvariant().Replace(' ', '-'),
                ["fullname"] = paper.Organization,
            };
        }
    }

    // The first author of every paper has a claimed Hugging Face profile, as many real ones do.
    private static JsonObject Author(Paper paper, string name, int index, Shape shape)
    {
        var author = new JsonObject { ["_id"] = HexId(paper.ArxivId, name), ["name"] = name, ["hidden"] = false };
        if (index == 0 && shape != Shape.Page2024)
        {
            author["user"] = new JsonObject { ["fullname"] = name, ["user"] = name.ToLowerInvariant().Replace(' ', '-'), ["type"] = "user" };
            author["status"] = "claimed_verified";
        }

        return author;
    }

    private static JsonObject Submitter() =>
        new() { ["_id"] = "65a1f0c2e4b0a1b2c3d4e5f6", ["fullname"] = "Ada Lovelace", ["user"] = "ada", ["type"] = "user" };

    private static string Cards(IEnumerable<Paper> papers)
    {
        var html = new StringBuilder("<section class=\"grid grid-cols-1 gap-14 lg:grid-cols-2 xl:grid-cols-3\">");
        foreach (var paper in papers)
        {
            var id = WebUtility.HtmlEncode(paper.ArxivId);
            html.Append(CultureInfo.InvariantCulture,
                $"<article class=\"relative flex flex-col overflow-hidden rounded-xl border\"><div class=\"leading-none\">{paper.Upvotes}</div>")
                .Append(CultureInfo.InvariantCulture,
                    $"<h3 class=\"mb-1 text-lg font-semibold\"><a href=\"/papers/{id}\">{WebUtility.HtmlEncode(paper.Title)}</a></h3>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"text-sm text-gray-400\">· {paper.Authors.Count} authors</div></article>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Hydrater(string target, JsonObject props) =>
        $"<div class=\"SVELTE_HYDRATER contents\" data-target=\"{target}\" data-props=\"{WebUtility.HtmlEncode(props.ToJsonString())}\"></div>";

    private static string Page(DateOnly day, IEnumerable<string> parts) => $"""
        <!doctype html>
        <html class="">
        <head>
        <meta charset="utf-8">
        <meta property="og:url" content="https://huggingface.co/papers/date/{Iso(day)}">
        <link rel="canonical" href="https://huggingface.co/papers/date/{Iso(day)}">
        <title>Daily Papers - Hugging Face</title>
        </head>
        <body class="flex flex-col min-h-dvh bg-white DailyPapersPage"><main class="flex flex-1 flex-col">
        {string.Join("\n", parts)}
        </main></body></html>
        """;

    private static string HexId(string seed, string salt) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + salt)))[..24];

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
