using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// A new paper as one Discord message: an embed (title linking to Hugging Face, abstract, authors, upvotes,
/// date, topics, thumbnail) that fits every limit whatever the paper holds, link buttons and a Save button.
/// </summary>
internal sealed class PaperMessageBuilder(string saveEmoji)
{
    public const int Color = 0xFFD21E;
    public const int AuthorsShown = 5;

    public MessagePayload Build(PaperPosted post, string? nonce = null) => new()
    {
        Embeds = [Embed(post)],
        Components = [new Component { Type = Component.ActionRow, Components = Buttons(post.Paper) }],
        Nonce = nonce,
        EnforceNonce = nonce is null ? null : true,
    };

    public Embed Embed(PaperPosted post)
    {
        var paper = post.Paper;
        var title = TextFit.Fit(TextFit.OneLine(paper.Title, paper.ArxivId), EmbedLimits.Title);
        var fields = new List<EmbedField>
        {
            new("Authors", TextFit.Fit(Markdown.Escape(Byline(paper)), EmbedLimits.FieldValue)),
            new("Upvotes", $"▲ {paper.Upvotes.ToString(CultureInfo.InvariantCulture)}", Inline: true),
            new("Date", FormatDate(paper), Inline: true),
        };
        if (post.Topics.Count > 0)
        {
            var topics = string.Join("; ", post.Topics.Select(t => TextFit.OneLine(t, "?")));
            fields.Add(new("Matched", TextFit.Fit(Markdown.Escape(topics), EmbedLimits.FieldValue)));
        }

        var footer = $"arXiv {paper.ArxivId} · Hugging Face Daily Papers";
        var used = title.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
        var room = Math.Min(EmbedLimits.Description, EmbedLimits.Total - used);
        return new Embed
        {
            Title = title,
            Url = paper.HuggingFaceUrl,
            Description = TextFit.Fit(Markdown.Escape(TextFit.Clean(paper.Abstract, "(no abstract)")), room),
            Color = Color,
            Fields = fields,
            Thumbnail = IsWebUrl(paper.ThumbnailUrl) ? new EmbedImage(paper.ThumbnailUrl!) : null,
            Footer = new EmbedFooter(footer),
        };
    }

    /// <summary>The Save button's custom id: the paper rides along, so the button works on any message.</summary>
    public static string SaveButtonId(string arxivId) => Interactions.ComponentInteractionHandler.SavePrefix + arxivId;

    private List<Component> Buttons(Paper paper)
    {
        var buttons = new List<Component> { Link("arXiv", paper.ArxivUrl), Link("PDF", paper.PdfUrl) };
        if (IsWebUrl(paper.GithubRepo))
        {
            buttons.Add(Link("Code", paper.GithubRepo!));
        }

        if (IsWebUrl(paper.ProjectPage))
        {
            buttons.Add(Link("Project page", paper.ProjectPage!));
        }

        buttons.Add(new Component
        {
            Type = Component.Button,
            Style = Component.PrimaryStyle,
            Label = "Save",
            CustomId = SaveButtonId(paper.ArxivId),
            Emoji = new PartialEmoji(null, saveEmoji),
        });
        return buttons;
    }

    private static Component Link(string label, string url) =>
        new() { Type = Component.Button, Style = Component.LinkStyle, Label = label, Url = url };

    internal static string Byline(Paper paper)
    {
        var names = paper.Authors.Select(a => TextFit.Fit(TextFit.OneLine(a, "?"), 100)).ToList();
        var authors = names.Count switch
        {
            0 => "unknown authors",
            <= AuthorsShown => string.Join(", ", names),
            _ => string.Join(", ", names.Take(AuthorsShown)) + $" et al. ({names.Count} authors)",
        };
        return paper.Organization is { } org && !string.IsNullOrWhiteSpace(org)
            ? $"{authors} ({TextFit.Fit(TextFit.OneLine(org, "?"), 100)})"
            : authors;
    }

    internal static string FormatDate(Paper paper) =>
        (paper.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : paper.ListedOn)
            .ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static bool IsWebUrl(string? url) =>
        url is not null && url.Length <= EmbedLimits.ButtonUrl
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
