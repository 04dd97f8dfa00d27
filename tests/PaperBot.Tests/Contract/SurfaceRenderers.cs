using System.Text.Json;
using PaperBot.ConsoleChannel;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Json;
using PaperBot.Slack.Api;

namespace PaperBot.Tests.Contract;

/// <summary>A result as each surface shows it: the console's text, and every string of Discord's and Slack's JSON payloads.</summary>
internal static class SurfaceRenderers
{
    private static readonly ConsoleRenderer Console = new();
    private static readonly PaperBot.Discord.Rendering.ResultRenderer DiscordResults = new();
    private static readonly PaperBot.Discord.Rendering.PaperMessageBuilder DiscordPosts = new("🔖");
    private static readonly PaperBot.Discord.Rendering.DigestMessageBuilder DiscordDigests = new("🔖");

    public static IReadOnlyList<Surface> All { get; } =
    [
        new("console", r => Console.Render(r), p => Console.Render(p), d => Console.Render(d), TextSyntax.Instance),
        new("discord", r => Discord(DiscordResults.Render(r)), p => Discord(DiscordPosts.Build(p)), d => Discord(DiscordDigests.Build(d)),
            PaperBot.Discord.Rendering.DiscordSyntax.Instance),
        new("slack", r => Slack(PaperBot.Slack.Blocks.ResultRenderer.Render(r)), p => Slack(PaperBot.Slack.Blocks.ResultRenderer.Render(p)),
            d => Slack(PaperBot.Slack.Blocks.ResultRenderer.Render(d)), TextSyntax.Instance),
    ];

    private static string Discord(MessagePayload message) =>
        Strings(JsonSerializer.SerializeToElement(message, DiscordJsonContext.Default.MessagePayload));

    private static string Slack(PaperBot.Slack.Blocks.SlackMessage message) =>
        Unescape(Strings(JsonSerializer.SerializeToElement(message, SlackJsonContext.Default.SlackMessage)));

    // What a Slack client shows of mrkdwn's three escaped characters.
    private static string Unescape(string mrkdwn) =>
        mrkdwn.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    // Every string value of the payload, in document order, one per line: what a reader of the message can see.
    private static string Strings(JsonElement json)
    {
        var values = new List<string>();
        Collect(json, values);
        return string.Join('\n', values);
    }

    private static void Collect(JsonElement json, List<string> values)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(json.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    Collect(property.Value, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in json.EnumerateArray())
                {
                    Collect(item, values);
                }

                break;
        }
    }
}

/// <summary>One surface: its name, how it renders a result, a post and a digest, and how it writes commands.</summary>
internal sealed record Surface(
    string Name, Func<CommandResult, string> Render, Func<PaperPosted, string> Post, Func<DigestPost, string> Digest, ICommandSyntax Syntax)
{
    public override string ToString() => Name;
}
