using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Rest;

public sealed class PublisherTests : IAsyncLifetime
{
    private const string ChannelId = "645027906669510667";
    private static readonly ChannelRef Channel = new("discord", ChannelId);
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IChannelPublisher Publisher => _host.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == "discord");

    [Fact]
    public async Task Publish_NewPaper_PostsEmbedWithNonceAndAddsSaveReaction()
    {
        var outcome = await PublishAsync("2511.00001", "discord:645027906669510667|2511.00001");

        var sent = Assert.IsType<PublishOutcome.Sent>(outcome);
        var create = Assert.Single(_host.Fake.Rest.RequestsTo("POST", $"/channels/{ChannelId}/messages"));
        Assert.Equal("Bot " + FakeDiscord.Token, create.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https://github\.com/paperbot/paperbot, \d+\.\d+\.\d+\)$", create.Header("User-Agent"));
        var json = create.Json!;
        Assert.Equal(25, json["nonce"]!.GetValue<string>().Length);
        Assert.True(json["enforce_nonce"]!.GetValue<bool>());
        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("https://huggingface.co/papers/2511.00001", json["embeds"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("save:2511.00001", json["components"]![0]!["components"]!.AsArray()[^1]!["custom_id"]!.GetValue<string>());
        var reaction = await _host.Fake.Rest.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains("/reactions/", StringComparison.Ordinal));
        Assert.Equal($"/api/v10/channels/{ChannelId}/messages/{sent.MessageId}/reactions/%F0%9F%94%96/@me", reaction.RawTarget);
    }

    [Fact]
    public async Task Publish_SameDeliveryRetried_SameNonceSoOneMessage()
    {
        var first = Assert.IsType<PublishOutcome.Sent>(await PublishAsync("2511.00001", "discord:x|2511.00001"));
        var retry = Assert.IsType<PublishOutcome.Sent>(await PublishAsync("2511.00001", "discord:x|2511.00001"));
        var other = Assert.IsType<PublishOutcome.Sent>(await PublishAsync("2511.00002", "discord:x|2511.00002"));

        var nonces = _host.Fake.Rest.RequestsTo("POST", "/messages").Select(r => r.Json!["nonce"]!.GetValue<string>()).ToList();
        Assert.Equal(nonces[0], nonces[1]);
        Assert.NotEqual(nonces[0], nonces[2]);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
    }

    [Fact]
    public async Task Publish_Forbidden_ChannelUnreachableWithHumanReason()
    {
        _host.Fake.Rest.AnswerChannel(ChannelId, 403, 50013, "Missing Permissions");

        var outcome = await PublishAsync("2511.00001", "d1");

        var unreachable = Assert.IsType<PublishOutcome.ChannelUnreachable>(outcome);
        Assert.Contains("not allowed to post here", unreachable.Reason);
        Assert.Contains("50013 Missing Permissions", unreachable.Reason);
        Assert.Empty(_host.Fake.Rest.RequestsTo("PUT", "/reactions/"));
    }

    [Fact]
    public async Task Publish_UnknownChannel_ChannelUnreachable()
    {
        _host.Fake.Rest.AnswerChannel(ChannelId, 404, 10003, "Unknown Channel");

        var outcome = await PublishAsync("2511.00001", "d1");

        Assert.Contains("does not exist", Assert.IsType<PublishOutcome.ChannelUnreachable>(outcome).Reason);
    }

    [Fact]
    public async Task Publish_TokenRevoked_PlatformUnavailableWithoutToken()
    {
        _host.Fake.Rest.AnswerChannel(ChannelId, 401, 0, "401: Unauthorized");

        var outcome = await PublishAsync("2511.00001", "d1");

        var unavailable = Assert.IsType<PublishOutcome.PlatformUnavailable>(outcome);
        Assert.Contains("Discord:BotToken", unavailable.Reason);
        Assert.DoesNotContain(FakeDiscord.Token, unavailable.Reason);
        Assert.DoesNotContain(FakeDiscord.Token, _host.Logs.All);
    }

    [Fact]
    public async Task Publish_ServerError_Transient()
    {
        _host.Fake.Rest.AnswerChannel(ChannelId, 502, 0, "Bad Gateway");

        Assert.IsType<PublishOutcome.Transient>(await PublishAsync("2511.00001", "d1"));
    }

    [Fact]
    public async Task DeliveryDispatcher_ChannelForbidden_PausesAndSubscriptionsShowReason()
    {
        _host.Fake.Rest.AnswerChannel(ChannelId, 403, 50001, "Missing Access");
        var paper = TestPapers.Make("2511.00001", "Agents");
        _host.Store.AddSubscription(Channel, "agents", "x", _host.Time.GetUtcNow());
        _host.Store.RecordPoll([paper], [Core.Storage.Delivery.New(Channel, paper.ArxivId, ["agents"], _host.Time.GetUtcNow())], new PollState(true, _host.Time.GetUtcNow(), paper.ListedOn));

        await _host.Services.GetRequiredService<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
        using var response = await _host.PostInteractionAsync(InteractionJson.Command("subscriptions"));
        var answer = await InteractionAnswer.ReadAsync(response);

        Assert.Contains("Posting to this channel is paused: PaperBot is not allowed to post here", answer.Content);
        Assert.Empty(_host.Store.ActiveSubscriptions());
    }

    [Fact]
    public async Task PublishDigest_RankedPapers_OneMessageWithSaveButtonsAndNoReaction()
    {
        var papers = Enumerable.Range(1, 7).Select(i => TestPapers.Make($"2511.{i:00000}", $"Paper {i}", upvotes: 50 - i)).ToList();
        var digest = new DigestPost("Daily digest for agents", papers);

        var outcome = await Publisher.PublishDigestAsync(Channel, digest, "digest|discord:1|1|2026-11-25", CancellationToken.None);

        Assert.IsType<PublishOutcome.Sent>(outcome);
        var json = Assert.Single(_host.Fake.Rest.RequestsTo("POST", "/messages")).Json!;
        Assert.Contains("Daily digest for agents", json["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(25, json["nonce"]!.GetValue<string>().Length);
        var rows = json["components"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("save:2511.00007", rows[1]!["components"]![1]!["custom_id"]!.GetValue<string>());
        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(_host.Fake.Rest.RequestsTo("PUT", "/reactions/"));
    }

    private Task<PublishOutcome> PublishAsync(string arxivId, string deliveryId) =>
        Publisher.PublishAsync(Channel, new PaperPosted(TestPapers.Make(arxivId, "Paper " + arxivId), ["agents"]), deliveryId, CancellationToken.None);
}
