using PaperBot.Core.Channels;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Gateway;

public sealed class ReactionTests : GatewayTestBase
{
    private const string PostId = "1400000000000000001";
    private static readonly UserRef Mason = new("discord", InteractionJson.UserId);

    [Fact]
    public async Task SaveEmoji_AddedThenRemovedOnPost_SavesThenUnsaves()
    {
        Host.SeedPost(TestPapers.Make("2511.01234", "World models"), InteractionJson.ChannelId, PostId);
        var connection = await ReadySessionAsync();

        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 2, GatewayJson.Reaction(InteractionJson.UserId, PostId, "🔖"));
        await connection.BarrierAsync();
        var saved = Host.Store.ListSaved(Mason);
        await connection.DispatchAsync("MESSAGE_REACTION_REMOVE", 3, GatewayJson.Reaction(InteractionJson.UserId, PostId, "🔖"));
        await connection.BarrierAsync();

        Assert.Equal("2511.01234", Assert.Single(saved).ArxivId);
        Assert.Empty(Host.Store.ListSaved(Mason));
    }

    [Fact]
    public async Task SaveEmoji_WithPresentationSelector_StillSaves()
    {
        Host.SeedPost(TestPapers.Make("2511.01234", "World models"), InteractionJson.ChannelId, PostId);
        var connection = await ReadySessionAsync();

        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 2, GatewayJson.Reaction(InteractionJson.UserId, PostId, "🔖\uFE0F"));
        await connection.BarrierAsync();

        Assert.Single(Host.Store.ListSaved(Mason));
    }

    [Fact]
    public async Task Reactions_BotsOwnOtherEmojiCustomEmojiOrOtherMessage_Ignored()
    {
        Host.SeedPost(TestPapers.Make("2511.01234", "World models"), InteractionJson.ChannelId, PostId);
        var connection = await ReadySessionAsync();

        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 2, GatewayJson.Reaction(GatewayJson.BotUserId, PostId, "🔖"));
        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 3, GatewayJson.Reaction(InteractionJson.UserId, PostId, "👍"));
        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 4, GatewayJson.Reaction(InteractionJson.UserId, PostId, "bookmark", emojiId: "123456789012345678"));
        await connection.DispatchAsync("MESSAGE_REACTION_ADD", 5, GatewayJson.Reaction(InteractionJson.UserId, "1499999999999999999", "🔖"));
        await connection.BarrierAsync();

        Assert.Empty(Host.Store.ListSaved(Mason));
        Assert.Empty(Host.Store.ListSaved(new UserRef("discord", GatewayJson.BotUserId)));
    }
}
