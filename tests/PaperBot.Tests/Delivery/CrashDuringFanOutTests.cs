using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Channels;
using PaperBot.Testing;
using PaperBot.Tests.Support;
using Xunit.Abstractions;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// The real paperbot process posting 3 new papers to 5 Discord channels is SIGKILLed at a random point of the
/// fan-out, 20 times over, and restarted on the same LiteDB file until its outbox is empty. Every (paper, channel)
/// pair must reach the fake Discord as exactly one created message.
/// </summary>
/// <remarks>
/// Where exactly-once comes from, and the window in which it holds: a delivery is marked in flight in LiteDB
/// before its create-message request and sent right after Discord answers. A crash between the two leaves it in
/// flight, and the next run sends it again with the same <c>nonce</c> (derived from the delivery id) and
/// <c>enforce_nonce</c>. Discord then returns the message it already created instead of posting another, but
/// only if the resend comes within its nonce window, which Discord documents as "a few minutes". So
/// exactly-once holds when PaperBot is back within a few minutes of the crash; after a longer outage an
/// in-flight delivery may post twice (at-least-once), and never zero times. A crash anywhere else (before the
/// request, or after the sent mark) cannot duplicate at all. The fake remembers nonces forever, so this test
/// also checks that every resend it absorbed came well within that window.
/// </remarks>
public sealed class CrashDuringFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Trials = 20;
    private const int ChannelsPerTrial = 5;

    /// <summary>Discord says "a few minutes"; a resend later than this would not be protected by the nonce.</summary>
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(2);

    private CrashRig _rig = null!;
    private FakeDiscordRest _discord = null!;

    public async Task InitializeAsync()
    {
        _rig = await CrashRig.StartAsync();
        _discord = await FakeDiscordRest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task FanOut_KilledAtRandomPointsThenRestarted_EveryPaperReachesEveryChannelExactlyOnce()
    {
        var random = new Random(20261125);
        for (var trial = 0; trial < Trials; trial++)
        {
            var channels = Enumerable.Range(1, ChannelsPerTrial)
                .Select(i => (1_500_000_000_000_000_000UL + (ulong)(trial * 100) + (ulong)i).ToString(CultureInfo.InvariantCulture)).ToArray();
            var database = _rig.Seed(trial, channels.Select(Channel), "discord:53908232506183680");
            var expected = channels.SelectMany(c => CrashRig.Fresh.Select(p => (Channel: c, Nonce: NonceFor(Core.Storage.Delivery.IdFor(Channel(c), p.ArxivId))))).ToHashSet();

            // Half the trials hold Discord's answer to the post they kill at, so the kill surely lands between
            // "Discord created the message" and "PaperBot recorded it": the window only the nonce protects.
            var killAt = _discord.Posts.Count + random.Next(1, expected.Count + 1);
            var held = trial % 2 == 0 ? _discord.HoldAnswerTo(killAt) : null;
            await using (var bot = BotProcess.Start(Environment(database), closeInput: true))
            {
                await CrashRig.WithOutputAsync(bot, _discord.WaitUntilAsync(p => p.Count >= killAt, CrashRig.Patience, $"post {killAt} (trial {trial})"));
                await bot.InterruptAsync(CrashRig.SigKill);
            }

            held?.TrySetResult();
            await CrashRig.RestartUntilDeliveredAsync(database, trial, Environment(database), id => [$"Posted {id} to"]);

            var posts = _discord.Posts.Where(p => channels.Contains(p.ChannelId)).ToList();
            AssertExactlyOnce(posts, expected, trial);
            if (held is not null)
            {
                Assert.True(posts.Any(p => p.Resend), $"Trial {trial} killed PaperBot with a post in flight, so the restart should have resent it");
            }
        }

        var all = _discord.Posts;
        var resends = all.Count(p => p.Resend);
        output.WriteLine($"{Trials} trials: {all.Count} create-message requests, {all.Count - resends} messages created, {resends} resends absorbed by the nonce");
    }

    private static void AssertExactlyOnce(List<DiscordPost> posts, HashSet<(string Channel, string Nonce)> expected, int trial)
    {
        Assert.All(posts, p => Assert.True(p.EnforceNonce && p.Nonce is not null, $"Trial {trial}: a post without enforce_nonce and a nonce"));
        var created = posts.Where(p => !p.Resend).Select(p => (p.ChannelId, p.Nonce!)).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Channel).ThenBy(e => e.Nonce), created.OrderBy(e => e.ChannelId).ThenBy(e => e.Item2));
        foreach (var resend in posts.Where(p => p.Resend))
        {
            var original = posts.Single(p => !p.Resend && p.ChannelId == resend.ChannelId && p.Nonce == resend.Nonce);
            Assert.True(resend.At - original.At < NonceWindow, $"Trial {trial}: a resend {resend.At - original.At} after the original, outside Discord's nonce window");
        }
    }

    private Dictionary<string, string> Environment(string database) => new(_rig.Environment(database))
    {
        ["PaperBot__Discord__BotToken"] = "fake-bot-token",
        ["PaperBot__Discord__ApplicationId"] = "1263178492816216064",
        ["PaperBot__Discord__PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        ["PaperBot__Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
        ["PaperBot__Discord__Gateway__Enabled"] = "false",
    };

    private static ChannelRef Channel(string id) => new("discord", id);

    /// <summary>The nonce PaperBot's Discord publisher derives from a delivery id (first 25 hex digits of its SHA-256).</summary>
    private static string NonceFor(string deliveryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..25];
}
