using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Configuration;

/// <summary><c>paperbot discord register-commands</c> against the fake Discord.</summary>
public sealed class RegisterCommandsTests
{
    [Fact]
    public async Task RegisterCommands_WithGuildId_OverwritesGuildCommandsAndSaysSo()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["Discord:GuildId"] = InteractionJson.GuildId });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DiscordCli.RunAsync(host.Services, ["register-commands"], output, error);

        Assert.Equal(0, exit);
        var put = Assert.Single(host.Fake.Rest.RequestsTo("PUT", "/commands"));
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/guilds/{InteractionJson.GuildId}/commands", put.Path);
        var command = Assert.Single(put.Json!.AsArray())!;
        Assert.Equal("papers", command["name"]!.GetValue<string>());
        // The definition is made from the registered commands: this host has no sentence model, so no similar or recommend.
        var subcommands = command["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["today", "search", "subscribe", "unsubscribe", "subscriptions", "pause", "resume", "save", "unsave", "saved", "export", "help"], subcommands);
        Assert.True(command["options"]![3]!["options"]![0]!["autocomplete"]!.GetValue<bool>());
        Assert.Equal(["bibtex", "markdown", "csv"], command["options"]![10]!["options"]![0]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.All(Descriptions(command), d => Assert.InRange(d.Length, 1, 100));
        Assert.Contains($"in server {InteractionJson.GuildId}", output.ToString());
        Assert.Contains("today, search, subscribe, unsubscribe, subscriptions, pause, resume, save, unsave, saved, export, help", output.ToString());
        Assert.Contains("apply at once", output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task RegisterCommands_NoGuildId_OverwritesGlobalCommands()
    {
        await using var host = await DiscordHost.StartAsync();
        using var output = new StringWriter();

        var exit = await DiscordCli.RunAsync(host.Services, ["register-commands"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Equal($"/api/v10/applications/{FakeDiscord.ApplicationId}/commands", Assert.Single(host.Fake.Rest.RequestsTo("PUT", "/commands")).Path);
        Assert.Contains("global commands", output.ToString());
    }

    [Fact]
    public async Task RegisterCommands_TokenRefused_ExplainsWithoutToken()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["Discord:BotToken"] = "revoked-token" });
        using var error = new StringWriter();

        var exit = await DiscordCli.RunAsync(host.Services, ["register-commands"], TextWriter.Null, error);

        Assert.Equal(DiscordCli.Failed, exit);
        Assert.Contains("401", error.ToString());
        Assert.Contains("Check Discord:BotToken", error.ToString());
        Assert.DoesNotContain("revoked-token", error.ToString());
    }

    [Fact]
    public async Task DiscordCli_UnknownCommand_PrintsUsage()
    {
        await using var host = await DiscordHost.StartAsync();
        using var error = new StringWriter();

        var exit = await DiscordCli.RunAsync(host.Services, ["register"], TextWriter.Null, error);

        Assert.Equal(DiscordCli.Usage, exit);
        Assert.Contains("Usage: paperbot discord register-commands", error.ToString());
        Assert.Empty(host.Fake.Rest.Requests);
    }

    private static IEnumerable<string> Descriptions(System.Text.Json.Nodes.JsonNode node)
    {
        yield return node["description"]!.GetValue<string>();
        foreach (var option in node["options"]?.AsArray() ?? [])
        {
            foreach (var description in Descriptions(option!))
            {
                yield return description;
            }
        }
    }
}
