using PaperBot.Core.Storage;
using PaperBot.Discord.Rest;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Delivery;

/// <summary>What "everything is delivered once" means for a fan-out, checked at the fake Discord and in the store.</summary>
internal static class FanOutAssert
{
    /// <summary>Discord keeps a nonce "a few minutes"; a resend later than this would not be absorbed by it.</summary>
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(2);

    /// <summary>What the dispatcher logs when it resends a delivery whose last attempt got no answer.</summary>
    public const string ResentInDoubt = "is not found there; sending it again";

    /// <summary>
    /// Every (paper, channel) pair was created exactly once at the fake (a create with that delivery's nonce in its
    /// channel, not a resend the nonce absorbed), every resend came within the nonce window and got the original
    /// message back, and every delivery is Sent with the id of the message created for it: none failed, none owed.
    /// </summary>
    public static void EachDeliveredOnce(FanOutBot bot, IReadOnlyList<DiscordPost> posts)
    {
        Assert.Empty(bot.Store.Pending());
        Assert.All(posts, p => Assert.True(p.EnforceNonce && p.Nonce is not null, $"Post {p.Number} to {p.ChannelId} carried no enforced nonce"));

        var created = posts.Where(p => !p.Resend).GroupBy(p => Key(p.ChannelId, p.Nonce!)).ToList();
        var twice = created.Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"Messages created more than once: {string.Join(", ", twice)}");

        var deliveries = bot.Deliveries();
        var expected = deliveries.Select(d => Key(d.Channel.Id, DiscordPublisher.NonceFor(d.Id))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, created.Select(g => g.Key).Order(StringComparer.Ordinal));

        var messageOf = created.ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            var message = messageOf[Key(delivery.Channel.Id, DiscordPublisher.NonceFor(delivery.Id))];
            Assert.True(delivery.State == DeliveryState.Sent, $"{delivery.Id} is {delivery.State} after {delivery.Attempts} attempts: {delivery.LastError}");
            Assert.Equal(message.MessageId, delivery.MessageId);
        }

        foreach (var resend in posts.Where(p => p.Resend))
        {
            var original = messageOf[Key(resend.ChannelId, resend.Nonce!)];
            Assert.Equal(original.MessageId, resend.MessageId);
            Assert.True(resend.At - original.At < NonceWindow, $"A resend came {resend.At - original.At} after the original, outside Discord's nonce window");
        }
    }

    /// <summary>One line on how the fan-out went, for the test output.</summary>
    public static string Summary(FanOutBot bot, FakeDiscordRest discord, int rounds)
    {
        var posts = discord.Posts;
        var limited = discord.Limits?.TooManyRequests.Values.Sum() ?? 0;
        var retried = bot.Deliveries().Count(d => d.Attempts > 1);
        var resentInDoubt = bot.Logs.Lines.Count(l => l.Contains(ResentInDoubt, StringComparison.Ordinal));
        return $"{rounds} rounds: {posts.Count} create-message requests, {posts.Count(p => !p.Resend)} messages created, "
            + $"{posts.Count(p => p.Resend)} resends absorbed by the nonce, {retried} deliveries retried ({resentInDoubt} resends after no answer), {discord.Reactions} reactions, "
            + $"{limited} 429s from the emulated limits";
    }

    private static string Key(string channelId, string nonce) => channelId + "/" + nonce;
}
