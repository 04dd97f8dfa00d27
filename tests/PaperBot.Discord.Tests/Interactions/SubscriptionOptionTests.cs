using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Interactions;

/// <summary>Search, pause/resume, subscribe options and the saved filter through the interactions endpoint.</summary>
public sealed class SubscriptionOptionTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new("discord", InteractionJson.ChannelId);
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Catalog_CoversEveryCoreCommand()
    {
        var registered = _host.Services.GetRequiredService<CommandCatalog>().Definition.Options.Select(o => o.Name).ToHashSet();

        var missing = _host.Services.GetServices<ICommandHandler>().Select(h => h.Name).Where(n => !registered.Contains(n)).ToList();

        Assert.Empty(missing);
        Assert.Contains("help", registered);
    }

    [Fact]
    public async Task Subscribe_DigestAndUpvoteOptions_StoredOnSubscription()
    {
        var answer = await RunAsync(InteractionJson.Command("subscribe", InteractionJson.ManageChannels,
            options: [("query", "agents"), ("digest", "08:30 Europe/Paris"), ("min_upvotes", 20)]));

        Assert.StartsWith("✅", answer.Content);
        var options = Assert.Single(_host.Store.SubscriptionsOf(Channel)).Options;
        Assert.Equal(SubscriptionMode.Digest, options.Mode);
        Assert.Equal(new TimeOnly(8, 30), options.DigestAt);
        Assert.Equal("Europe/Paris", options.TimeZone);
        Assert.Equal(20, options.MinUpvotes);
        var listed = await RunAsync(InteractionJson.Command("subscriptions"));
        Assert.Contains("daily digest at 08:30 Europe/Paris, from 20 upvotes", listed.Content);
    }

    [Fact]
    public async Task Subscribe_DigestValueNotATime_RefusedWithoutSubscribing()
    {
        var answer = await RunAsync(InteractionJson.Command("subscribe", InteractionJson.ManageChannels, options: [("query", "agents"), ("digest", "tomorrow please")]));

        Assert.True(answer.Ephemeral);
        Assert.Contains("\"tomorrow please\" is not a digest time", answer.Content);
        Assert.Empty(_host.Store.SubscriptionsOf(Channel));
    }

    [Theory]
    [InlineData("agents --backfill 20")]
    [InlineData("agents --digest 07:00")]
    [InlineData("agents --min-upvotes=1 --backfill=5")]
    [InlineData("\"agents --backfill 9\" OR agents --digest")]
    public async Task Subscribe_OptionsTypedIntoTheQuery_AreOnlyEverTheQuery(string query)
    {
        // Recent papers a backfill would post, if the text in the query field became the backfill option.
        _host.SeedPapers([.. Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2511.{i:D5}", $"Agents that plan {i}", upvotes: i))]);

        await RunAsync(InteractionJson.Command("subscribe", InteractionJson.ManageChannels, options: ("query", query)));
        await _host.Services.GetRequiredService<PaperBot.Core.Outbox.DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);

        Assert.Empty(_host.Fake.Rest.RequestsTo("POST", $"/channels/{InteractionJson.ChannelId}/messages"));
        Assert.All(_host.Store.SubscriptionsOf(Channel), s => Assert.Equal(SubscriptionOptions.Default, s.Options));
    }

    [Fact]
    public async Task Today_PageTypedIntoTheQuery_IsOnlyEverTheQuery()
    {
        _host.SeedPapers([.. Enumerable.Range(1, 30).Select(i => TestPapers.Make($"2511.{i:D5}", $"Agents {i}", upvotes: i))]);

        var typed = await RunAsync(InteractionJson.Command("today", options: [("query", "agents"), ("page", 3)]));
        var injected = await RunAsync(InteractionJson.Command("today", options: ("query", "agents --page 3")));

        Assert.Contains("21-30 of 30", typed.Embed!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("21-30", injected.Content + injected.Embed?.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Query_PublicRankedList()
    {
        _host.SeedPapers(TestPapers.Make("2511.00001", "Diffusion for robots", upvotes: 3), TestPapers.Make("2511.00002", "Cooking", abstractText: "Robots cook."));

        var answer = await RunAsync(InteractionJson.Command("search", options: ("query", "robots")));

        Assert.False(answer.Ephemeral);
        var description = answer.Embed!["description"]!.GetValue<string>();
        Assert.True(description.IndexOf("Diffusion for robots", StringComparison.Ordinal) < description.IndexOf("Cooking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PauseResume_WithPermission_TogglesChannel()
    {
        var refused = await RunAsync(InteractionJson.Command("pause", InteractionJson.PlainMember));
        var paused = await RunAsync(InteractionJson.Command("pause", InteractionJson.ManageChannels));
        var pausedInfo = _host.Store.FindChannel(Channel);
        var resumed = await RunAsync(InteractionJson.Command("resume", InteractionJson.Administrator));

        Assert.Contains("only members who can manage this channel", refused.Content);
        Assert.StartsWith("✅ Paused", paused.Content);
        Assert.True(pausedInfo!.IsPaused);
        Assert.StartsWith("✅ Resumed", resumed.Content);
        Assert.False(_host.Store.FindChannel(Channel)!.IsPaused);
    }

    [Fact]
    public async Task Saved_WithQuery_FiltersList()
    {
        _host.SeedPapers(TestPapers.Make("2511.00001", "Agents"), TestPapers.Make("2511.00002", "Proteins"));
        var user = new UserRef("discord", InteractionJson.UserId);
        _host.Store.Save(user, "2511.00001", _host.Time.GetUtcNow());
        _host.Store.Save(user, "2511.00002", _host.Time.GetUtcNow());

        var answer = await RunAsync(InteractionJson.Command("saved", options: ("query", "proteins")));

        Assert.Contains("matching proteins (1)", answer.Embed!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Agents", answer.Embed["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_Bibtex_DeferredThenFileUploadedEphemerally()
    {
        _host.SeedPapers(TestPapers.Make("2509.04664", "Why language models hallucinate"));
        _host.Store.Save(new UserRef("discord", InteractionJson.UserId), "2509.04664", _host.Time.GetUtcNow());

        using var response = await _host.PostInteractionAsync(InteractionJson.Command("export", options: ("format", "bibtex")));
        var answer = await InteractionAnswer.ReadAsync(response);
        var upload = await _host.Fake.Rest.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal(5, answer.Type);
        Assert.True(answer.Ephemeral);
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"));
        Assert.Contains("name=payload_json", upload.Body);
        Assert.Contains("\"attachments\":[{\"id\":0,\"filename\":\"paperbot-saved-", upload.Body);
        Assert.Contains("name=\"files[0]\"; filename=paperbot-saved-", upload.Body);
        Assert.Contains("Why language models hallucinate", upload.Body);
        Assert.Contains("2509.04664", upload.Body);
    }

    private async Task<InteractionAnswer> RunAsync(string body)
    {
        using var response = await _host.PostInteractionAsync(body);
        return await InteractionAnswer.ReadAsync(response);
    }
}
