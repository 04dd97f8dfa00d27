using PaperBot.Core.Publishing;
using PaperBot.Core.Presentation;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// A new paper as one Discord message: the shared card view (<see cref="Views.Card"/>) as an embed (title linking to
/// Hugging Face, abstract, authors, upvotes, date, topics, thumbnail) that fits every limit whatever the paper holds,
/// link buttons and a Save button.
/// </summary>
internal sealed class PaperMessageBuilder(string saveEmoji)
{
    public const int Color = 0xFFD21E;

    public MessagePayload Build(PaperPosted post, string? nonce = null)
    {
        var card = Views.Card(post);
        return new()
        {
            Embeds = [Embed(card)],
            Components = [new Component { Type = Component.ActionRow, Components = Buttons(card) }],
            Nonce = nonce,
            EnforceNonce = nonce is null ? null : true,
        };
    }

    public Embed Embed(PaperPosted post) => Embed(Views.Card(post));

    private static Embed Embed(PaperCardView card)
    {
        var title = TextFit.Fit(TextFit.OneLine(card.Title, card.ArxivId), EmbedLimits.Title);
        var fields = new List<EmbedField>
        {
            new("Authors", TextFit.Fit(Markdown.Escape(TextFit.OneLine(card.Byline, "?")), EmbedLimits.FieldValue)),
            new("Upvotes", $"▲ {card.Upvotes.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Inline: true),
            new("Date", card.Date, Inline: true),
        };
        if (card.Topics.Count > 0)
        {
            var topics = string.Join("; ", card.Topics.Select(t => TextFit.OneLine(t, "?")));
            fields.Add(new("Matched", TextFit.Fit(Markdown.Escape(topics), EmbedLimits.FieldValue)));
        }

        var footer = $"arXiv {card.ArxivId} · Hugging Face Daily Papers";
        var used = title.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
        var room = Math.Min(EmbedLimits.Description, EmbedLimits.Total - used);
        return new Embed
        {
            Title = title,
            Url = card.Url,
            Description = TextFit.Fit(Markdown.Escape(TextFit.Clean(card.Abstract, "(no abstract)")), room),
            Color = Color,
            Fields = fields,
            Thumbnail = Fits(card.ThumbnailUrl) ? new EmbedImage(card.ThumbnailUrl!) : null,
            Footer = new EmbedFooter(footer),
        };
    }

    /// <summary>The Save button's custom id: the paper rides along, so the button works on any message.</summary>
    public static string SaveButtonId(string arxivId) => Interactions.ComponentInteractionHandler.SavePrefix + arxivId;

    private List<Component> Buttons(PaperCardView card)
    {
        var buttons = card.Links.Where(l => Fits(l.Url))
            .Select(l => new Component { Type = Component.Button, Style = Component.LinkStyle, Label = l.Label, Url = l.Url })
            .ToList();
        buttons.Add(new Component
        {
            Type = Component.Button,
            Style = Component.PrimaryStyle,
            Label = "Save",
            CustomId = SaveButtonId(card.ArxivId),
            Emoji = new PartialEmoji(null, saveEmoji),
        });
        return buttons;
    }

    private static bool Fits(string? url) => url is not null && url.Length <= EmbedLimits.ButtonUrl;
}
