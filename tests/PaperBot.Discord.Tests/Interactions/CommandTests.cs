using System.Text.Json.Nodes;
using PaperBot.Core.Channels;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Interactions;

/// <summary>Every <c>/papers</c> subcommand through <c>POST /discord/interactions</c>, signed, against a real store.</summary>
public sealed class CommandTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new("discord", InteractionJson.ChannelId);
    private static readonly UserRef Mason = new("discord", InteractionJson.UserId);
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Today_WithPapers_AnswersPublicListEmbed()
    {
        _host.SeedPapers(TestPapers.Make("2511.00001", "Agents *that* plan", upvotes: 40), TestPapers.Make("2511.00002", "Robots [in] the wild", upvotes: 7));

        var answer = await RunAsync(InteractionJson.Command("today"));

        Assert.Equal(4, answer.Type);
        Assert.False(answer.Ephemeral);
        var description = answer.Embed!["description"]!.GetValue<string>();
        Assert.Contains("Daily Papers for", answer.Embed["title"]!.GetValue<string>());
        Assert.Contains(@"[Agents \*that\* plan](https://huggingface.co/papers/2511.00001)", description);
        Assert.Contains(@"Robots \[in\] the wild", description);
        Assert.True(description.IndexOf("2511.00001", StringComparison.Ordinal) < description.IndexOf("2511.00002", StringComparison.Ordinal));
        Assert.Empty(answer.Data!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Today_QueryAndPageOptions_NarrowAndPage()
    {
        _host.SeedPapers([.. Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2511.{i:00000}", $"Agent paper {i}", upvotes: 100 - i)),
            TestPapers.Make("2511.99999", "Protein folding", upvotes: 1)]);

        var first = await RunAsync(InteractionJson.Command("today", options: ("query", "agent")));
        var second = await RunAsync(InteractionJson.Command("today", options: [("query", "agent"), ("page", 2)]));

        Assert.Contains("1-10 of 12", first.Embed!["title"]!.GetValue<string>());
        Assert.Equal("More: /papers today query:agent page:2", first.Embed["footer"]!["text"]!.GetValue<string>());
        Assert.Contains("11-12 of 12", second.Embed!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Protein", first.Embed["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Today_NoListingYet_AnswersEphemeralError()
    {
        var answer = await RunAsync(InteractionJson.Command("today"));

        Assert.True(answer.Ephemeral);
        Assert.StartsWith("⚠️ I have not read the Daily Papers listing yet", answer.Content);
    }

    [Theory]
    [InlineData(InteractionJson.ManageChannels)]
    [InlineData(InteractionJson.Administrator)]
    [InlineData("2147483647")]
    public async Task Subscribe_MemberWhoMayManageChannel_SubscribesEphemerally(string permissions)
    {
        var answer = await RunAsync(InteractionJson.Command("subscribe", permissions, options: ("query", "\"long context\" OR rope")));

        Assert.True(answer.Ephemeral);
        Assert.StartsWith("✅ Subscribed this channel to", answer.Content);
        var subscription = Assert.Single(_host.Store.SubscriptionsOf(Channel));
        Assert.Equal("discord:" + InteractionJson.UserId, subscription.CreatedBy);
    }

    [Fact]
    public async Task Subscribe_MemberWithoutManageChannels_PolitelyRefused()
    {
        var answer = await RunAsync(InteractionJson.Command("subscribe", InteractionJson.PlainMember, options: ("query", "agents")));

        Assert.True(answer.Ephemeral);
        Assert.Contains("only members who can manage this channel", answer.Content);
        Assert.Empty(_host.Store.SubscriptionsOf(Channel));
    }

    [Fact]
    public async Task Subscribe_InDirectMessage_Allowed()
    {
        var answer = await RunAsync(InteractionJson.DirectCommand("subscribe", ("query", "agents")));

        Assert.StartsWith("✅", answer.Content);
        Assert.Single(_host.Store.SubscriptionsOf(Channel));
    }

    [Fact]
    public async Task Subscribe_BadQuery_ShowsWhereInACodeFreeEphemeralError()
    {
        var answer = await RunAsync(InteractionJson.Command("subscribe", InteractionJson.ManageChannels, options: ("query", "(agents OR")));

        Assert.True(answer.Ephemeral);
        Assert.StartsWith("⚠️ That query has a problem", answer.Content);
    }

    [Fact]
    public async Task Unsubscribe_ByIdWithPermission_RemovesIt()
    {
        var kept = _host.Store.AddSubscription(Channel, "robots", "x", _host.Time.GetUtcNow());
        var removed = _host.Store.AddSubscription(Channel, "agents", "x", _host.Time.GetUtcNow());

        var answer = await RunAsync(InteractionJson.Command("unsubscribe", InteractionJson.ManageChannels, options: ("id", removed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.True(answer.Ephemeral);
        Assert.Contains("Unsubscribed this channel from agents", answer.Content);
        Assert.Equal(kept.Id, Assert.Single(_host.Store.SubscriptionsOf(Channel)).Id);
    }

    [Fact]
    public async Task Unsubscribe_WithoutPermission_Refused()
    {
        _host.Store.AddSubscription(Channel, "agents", "x", _host.Time.GetUtcNow());

        var answer = await RunAsync(InteractionJson.Command("unsubscribe", InteractionJson.PlainMember, options: ("id", "all")));

        Assert.Contains("only members who can manage this channel", answer.Content);
        Assert.Single(_host.Store.SubscriptionsOf(Channel));
    }

    [Fact]
    public async Task UnsubscribeAutocomplete_ChannelSubscriptions_SuggestsMatchingIdsAndAll()
    {
        var agents = _host.Store.AddSubscription(Channel, "agents OR \"tool use\"", "x", _host.Time.GetUtcNow());
        _host.Store.AddSubscription(Channel, "robots", "x", _host.Time.GetUtcNow());
        _host.Store.AddSubscription(new ChannelRef("discord", "111111111111111111"), "agents elsewhere", "x", _host.Time.GetUtcNow());

        var all = await RunAsync(InteractionJson.Autocomplete(""));
        var typed = await RunAsync(InteractionJson.Autocomplete("tool"));

        Assert.Equal(8, all.Type);
        var names = all.Data!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains(names, n => n.StartsWith("all", StringComparison.Ordinal));
        var only = Assert.Single(typed.Data!["choices"]!.AsArray());
        Assert.Equal(agents.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), only!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ArxivIdAutocomplete_LatestDay_SuggestsItsPapersByIdOrTitle()
    {
        // save's arxiv_id (this host has no sentence model, so no similar; similar's option is the same spec).
        _host.Store.RecordPoll([TestPapers.Make("2611.00001", "Robots that grasp", upvotes: 5), TestPapers.Make("2611.00002", "Weather graphs", upvotes: 9),
            TestPapers.Make("2611.00003", "Older robots", listedOn: TestPapers.Day.AddDays(-1))], [], new PaperBot.Core.Storage.PollState(true, _host.Time.GetUtcNow(), TestPapers.Day));

        var all = await RunAsync(InteractionJson.Autocomplete("", "save", "arxiv_id"));
        var typed = await RunAsync(InteractionJson.Autocomplete("robot", "save", "arxiv_id"));

        Assert.Equal(8, all.Type);
        Assert.Equal(["2611.00002", "2611.00001"], all.Data!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var only = Assert.Single(typed.Data!["choices"]!.AsArray());
        Assert.Equal("2611.00001 Robots that grasp", only!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscriptions_PausedChannel_ShowsReason()
    {
        _host.Store.AddSubscription(Channel, "agents", "x", _host.Time.GetUtcNow());
        _host.Store.SetPaused(Channel, "PaperBot is not allowed to post here.", _host.Time.GetUtcNow());

        var answer = await RunAsync(InteractionJson.Command("subscriptions"));

        Assert.True(answer.Ephemeral);
        Assert.Contains("paused: PaperBot is not allowed to post here.", answer.Content);
        Assert.Contains("`#1` agents", answer.Content);
    }

    [Fact]
    public async Task SaveSavedUnsave_ReadingList_RoundTrips()
    {
        _host.SeedPapers(TestPapers.Make("2509.04664", "Why language models hallucinate"));

        var saved = await RunAsync(InteractionJson.Command("save", options: ("arxiv_id", "https://arxiv.org/abs/2509.04664v2")));
        var list = await RunAsync(InteractionJson.Command("saved"));
        var unsaved = await RunAsync(InteractionJson.Command("unsave", options: ("arxiv_id", "2509.04664")));
        var empty = await RunAsync(InteractionJson.Command("saved"));

        Assert.True(saved.Ephemeral && list.Ephemeral && unsaved.Ephemeral);
        Assert.StartsWith("✅ Saved 2509.04664", saved.Content);
        Assert.Contains("Why language models hallucinate", list.Embed!["description"]!.GetValue<string>());
        Assert.StartsWith("✅ Removed 2509.04664", unsaved.Content);
        Assert.Contains("Your reading list is empty", empty.Content);
        Assert.Empty(_host.Store.ListSaved(Mason));
    }

    [Fact]
    public async Task Save_NotAnArxivId_EphemeralErrorWithHint()
    {
        var answer = await RunAsync(InteractionJson.Command("save", options: ("arxiv_id", "hello")));

        Assert.True(answer.Ephemeral);
        Assert.Contains("\"hello\" is not an arXiv id", answer.Content);
    }

    [Fact]
    public async Task Help_ListsEveryCommandWithDiscordOptions()
    {
        var answer = await RunAsync(InteractionJson.Command("help"));

        Assert.True(answer.Ephemeral);
        foreach (var name in new[] { "today", "subscribe", "unsubscribe", "subscriptions", "save", "unsave", "saved", "help" })
        {
            Assert.Contains($"`/papers {name}", answer.Content);
        }

        Assert.Contains("[page]", answer.Content);
    }

    [Fact]
    public async Task SaveButton_OnPostedPaper_SavesForClickerEphemerally()
    {
        var paper = TestPapers.Make("2511.01234", "World models");
        _host.SeedPost(paper, InteractionJson.ChannelId, "1400000000000000001");

        var answer = await RunAsync(InteractionJson.Button("save:2511.01234", "1400000000000000001"));
        var again = await RunAsync(InteractionJson.Button("save:2511.01234", "1400000000000000001"));

        Assert.Equal(4, answer.Type);
        Assert.True(answer.Ephemeral);
        Assert.StartsWith("✅ Saved 2511.01234 \"World models\"", answer.Content);
        Assert.Contains("already on your reading list", again.Content);
        Assert.Equal("2511.01234", Assert.Single(_host.Store.ListSaved(Mason)).ArxivId);
        Assert.Contains("Discord Gateway is off", _host.Logs.All);
    }

    [Fact]
    public async Task SaveButton_MessageUnknownToStore_SavesFromButtonId()
    {
        var answer = await RunAsync(InteractionJson.Button("save:2511.05555", "1400000000000000009"));

        Assert.StartsWith("✅ Saved 2511.05555", answer.Content);
        Assert.Single(_host.Store.ListSaved(Mason));
    }

    [Fact]
    public async Task CommandAnswers_NeverTouchDiscordRest_WhenAnsweredInline()
    {
        await RunAsync(InteractionJson.Command("saved"));

        Assert.Empty(_host.Fake.Rest.Requests);
    }

    private async Task<InteractionAnswer> RunAsync(string body)
    {
        using var response = await _host.PostInteractionAsync(body);
        return await InteractionAnswer.ReadAsync(response);
    }
}
