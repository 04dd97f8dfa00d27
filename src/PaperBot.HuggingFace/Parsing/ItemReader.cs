using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// One listing item (the page's <c>dailyPapers[i]</c> or an API array element) to a <see cref="Paper"/>.
/// Most facts live under <c>paper</c>; the item's top level repeats some of them, and either copy may be missing.
/// </summary>
internal static class ItemReader
{
    public static bool TryRead(JsonElement item, DayRule days, [NotNullWhen(true)] out InspectedPaper? read, [NotNullWhen(false)] out string? problem)
    {
        read = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"it is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object";
            return false;
        }

        var inner = item.Object("paper") ?? default;
        var rawId = inner.String("id") ?? item.String("id");
        if (!ArxivId.TryNormalize(rawId, out var id))
        {
            problem = rawId is null ? "it has no paper.id" : $"paper.id \"{rawId}\" is not an arXiv id";
            return false;
        }

        var (day, dayFrom) = days.For(item, inner);
        var paper = new Paper
        {
            ArxivId = id,
            // A paper without a title is still a paper; its id is the most useful stand-in.
            Title = FirstText(inner, item, "title") ?? id,
            Abstract = TextNormalizer.FoldAbstract(FirstRaw(inner, item, "summary")),
            Authors = Authors(inner),
            Organization = Organization(inner) ?? Organization(item),
            PublishedAt = inner.Timestamp("publishedAt"),
            ListedOn = day,
            ListedOnSource = DayRule.SourceOf(dayFrom),
            Upvotes = Math.Max(0, inner.Int("upvotes") ?? item.Int("upvotes") ?? 0),
            Comments = Math.Max(0, item.Int("numComments") ?? inner.Int("numComments") ?? 0),
            GithubRepo = HttpUrl(inner.String("githubRepo") ?? item.String("githubRepo")),
            GithubStars = inner.Int("githubStars") is { } stars and >= 0 ? stars : null,
            ProjectPage = HttpUrl(inner.String("projectPage") ?? item.String("projectPage")),
            Keywords = Keywords(inner),
            ThumbnailUrl = HttpUrl(item.String("thumbnail") ?? inner.String("thumbnail")),
        };
        read = new InspectedPaper(paper, dayFrom, Present(item, inner));
        problem = null;
        return true;
    }

    private static ItemFields Present(JsonElement item, JsonElement inner)
    {
        var present = ItemFields.None;
        void Mark(ItemFields field, bool has) => present |= has ? field : ItemFields.None;
        bool Text(string name) => !string.IsNullOrWhiteSpace(inner.String(name)) || !string.IsNullOrWhiteSpace(item.String(name));
        bool Any(string name) => inner.Property(name) is not null || item.Property(name) is not null;
        bool List(string name) => inner.Array(name).Any() || item.Array(name).Any();

        Mark(ItemFields.Title, Text("title"));
        Mark(ItemFields.Abstract, Text("summary"));
        Mark(ItemFields.Authors, inner.Array("authors").Any());
        Mark(ItemFields.ArxivPublishedAt, inner.Timestamp("publishedAt") is not null);
        Mark(ItemFields.SubmittedOnDailyAt, inner.Timestamp("submittedOnDailyAt") is not null);
        Mark(ItemFields.Upvotes, inner.Int("upvotes") is not null || item.Int("upvotes") is not null);
        Mark(ItemFields.Comments, item.Int("numComments") is not null || inner.Int("numComments") is not null);
        Mark(ItemFields.Keywords, inner.Array("ai_keywords").Any());
        Mark(ItemFields.AiSummary, Text("ai_summary"));
        Mark(ItemFields.Organization, Any("organization"));
        Mark(ItemFields.GithubRepo, Text("githubRepo"));
        Mark(ItemFields.ProjectPage, Text("projectPage"));
        Mark(ItemFields.MediaUrls, List("mediaUrls"));
        Mark(ItemFields.Thumbnail, Text("thumbnail"));
        return present;
    }

    private static string? FirstText(JsonElement inner, JsonElement item, string name) =>
        TextNormalizer.CollapseWhitespace(inner.String(name)) ?? TextNormalizer.CollapseWhitespace(item.String(name));

    private static string? FirstRaw(JsonElement inner, JsonElement item, string name) =>
        inner.String(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : item.String(name);

    // Hidden authors are kept: "hidden" is about Hugging Face profiles, and the author list is arXiv's,
    // which is also what huggingface_hub and RSSHub report.
    private static string[] Authors(JsonElement inner) =>
        inner.Array("authors")
            .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.String("name"))
            .Select(TextNormalizer.CollapseWhitespace)
            .OfType<string>()
            .ToArray();

    private static string? Organization(JsonElement owner)
    {
        if (owner.Property("organization") is { ValueKind: JsonValueKind.String } plain)
        {
            return TextNormalizer.CollapseWhitespace(plain.GetString());
        }

        var organization = owner.Object("organization") ?? default;
        return TextNormalizer.CollapseWhitespace(organization.String("fullname"))
            ?? TextNormalizer.CollapseWhitespace(organization.String("name"));
    }

    private static string[] Keywords(JsonElement inner) =>
        inner.Array("ai_keywords")
            .Where(k => k.ValueKind == JsonValueKind.String)
            .Select(k => TextNormalizer.CollapseWhitespace(k.GetString()))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    // Links end up clickable in chat: only absolute http(s) URLs are passed on.
    private static string? HttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.OriginalString
            : null;
}
