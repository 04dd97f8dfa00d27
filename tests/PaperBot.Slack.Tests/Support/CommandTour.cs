using System.Text.Json;
using PaperBot.Core.Channels;
using PaperBot.Testing;
using static PaperBot.Slack.Tests.Support.ReplyText;

namespace PaperBot.Slack.Tests.Support;

/// <summary>
/// The second half of the every-command round both transports (HTTP and Socket Mode) run: search, export, pause,
/// resume and unsave of the paper saved before, through whichever transport <paramref name="command"/> speaks.
/// </summary>
internal static class CommandTour
{
    public static async Task SearchExportPauseResumeUnsaveAsync(Func<string, Task<JsonElement>> command, SlackBotHost bot, FakeSlack slack)
    {
        var general = new ChannelRef("slack", SlackPayloads.General);
        Assert.Contains("Agents that plan", AllText(await command("search agents plan")), StringComparison.Ordinal);
        var export = await command("export bibtex");
        Assert.Equal("ephemeral", export.GetProperty("response_type").GetString());
        Assert.Contains("in a direct message", AllText(export), StringComparison.Ordinal);
        Assert.Single(slack.CallsTo("files.completeUploadExternal"));
        Assert.Contains("Paused", AllText(await command("pause")), StringComparison.Ordinal);
        Assert.NotNull(bot.Store.FindChannel(general)?.PausedReason);
        await command("resume");
        Assert.Null(bot.Store.FindChannel(general)?.PausedReason);
        Assert.Contains("Removed", AllText(await command("unsave 2509.04664")), StringComparison.Ordinal);
        Assert.Empty(bot.Store.ListSaved(new UserRef("slack", SlackPayloads.Alice)));
    }
}
