using System.Text.Json;

namespace PaperBot.Slack.Tests.Support;

internal static class ReplyText
{
    /// <summary>Every string in a Slack reply (blocks, text, attachments), decoded, one per line.</summary>
    public static string AllText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => AllText(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(AllText)),
        _ => "",
    };
}
