using PaperBot.Discord.Interactions;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PaperBot.Discord.Tests.Interactions;

/// <summary>With <c>DeferAfter</c> 0 every command is deferred, which exercises the path a slow command takes.</summary>
public sealed class DeferralTests : IAsyncLifetime
{
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["Discord:DeferAfter"] = "00:00:00" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Today_Deferred_AnswersType5ThenEditsOriginal()
    {
        _host.SeedPapers(TestPapers.Make("2511.00001", "Agents that plan"));

        using var response = await _host.PostInteractionAsync(InteractionJson.Command("today"));
        var answer = await InteractionAnswer.ReadAsync(response);
        var edit = await _host.Fake.Rest.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal(5, answer.Type);
        Assert.False(answer.Ephemeral);
        Assert.Equal($"/api/v10/webhooks/{FakeDiscord.ApplicationId}/A_UNIQUE_TOKEN_aW50ZXJhY3Rpb24/messages/@original", edit.Path);
        Assert.Null(edit.Header("Authorization"));
        Assert.Contains("Agents that plan", edit.Json!["embeds"]![0]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("A_UNIQUE_TOKEN", _host.Logs.All);
    }

    [Fact]
    public async Task Saved_Deferred_StaysEphemeral()
    {
        using var response = await _host.PostInteractionAsync(InteractionJson.Command("saved"));
        var answer = await InteractionAnswer.ReadAsync(response);
        var edit = await _host.Fake.Rest.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal(5, answer.Type);
        Assert.True(answer.Ephemeral);
        Assert.Contains("reading list is empty", edit.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Today_DeferredPublicButResultPrivate_ReplacedByEphemeralFollowup()
    {
        using var response = await _host.PostInteractionAsync(InteractionJson.Command("today"));
        var answer = await InteractionAnswer.ReadAsync(response);
        var followup = await _host.Fake.Rest.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        await _host.Services.GetRequiredService<DeferredReplies>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, answer.Type);
        Assert.Single(_host.Fake.Rest.RequestsTo("DELETE", "/messages/@original"));
        Assert.Empty(_host.Fake.Rest.RequestsTo("PATCH", "/webhooks/"));
        Assert.Equal(64, (int)followup.Json!["flags"]!);
        Assert.Contains("not read the Daily Papers listing yet", followup.Json["content"]!.GetValue<string>());
    }
}
