using System.Text.Json;
using PaperBot.ConsoleChannel;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Discord.Json;
using PaperBot.Slack.Api;

namespace PaperBot.Tests.Contract;

/// <summary>A result as each surface shows it: the console's text, and every string of Discord's and Slack's JSON payloads.</summary>
internal static class SurfaceRenderers
{
    private static readonly ConsoleRenderer Console = new();
    private static readonly PaperBot.Discord.Rendering.ResultRenderer Discord = new(new PaperBot.Discord.Rendering.PaperMessageBuilder("🔖"));

    public static IReadOnlyList<Surface> All { get; } =
    [
        new("console", r => Console.Render(r), TextSyntax.Instance),
        new("discord", r => Strings(JsonSerializer.SerializeToElement(Discord.Render(r), DiscordJsonContext.Default.MessagePayload)),
            PaperBot.Discord.Rendering.DiscordSyntax.Instance),
        new("slack", r => Unescape(Strings(JsonSerializer.SerializeToElement(PaperBot.Slack.Blocks.ResultRenderer.Render(r), SlackJsonContext.Default.SlackMessage))),
            TextSyntax.Instance),
    ];

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

/// <summary>One surface: its name, how it renders a result, and how it writes commands.</summary>
internal sealed record Surface(string Name, Func<CommandResult, string> Render, ICommandSyntax Syntax)
{
    public override string ToString() => Name;
}
