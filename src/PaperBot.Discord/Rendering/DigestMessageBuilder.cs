using PaperBot.Core.Presentation;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Rendering;

/// <summary>A daily digest as one message: the ranked list embed and a Save button per paper (up to 25).</summary>
internal sealed class DigestMessageBuilder(string saveEmoji)
{
    public const int MaxButtons = 25;

    public MessagePayload Build(DigestPost digest, string? nonce = null)
    {
        var buttons = digest.Papers.Take(MaxButtons).Select((paper, index) => new Component
        {
            Type = Component.Button,
            Style = Component.PrimaryStyle,
            Label = $"Save {index + 1}",
            CustomId = PaperMessageBuilder.SaveButtonId(paper.ArxivId),
            Emoji = new PartialEmoji(null, saveEmoji),
        });
        var rows = buttons.Chunk(EmbedLimits.ButtonsPerRow)
            .Select(row => new Component { Type = Component.ActionRow, Components = row })
            .ToList();
        return ResultRenderer.RenderList(Views.Digest(digest)) with
        {
            Components = rows.Count == 0 ? null : rows,
            Nonce = nonce,
            EnforceNonce = nonce is null ? null : true,
        };
    }
}
