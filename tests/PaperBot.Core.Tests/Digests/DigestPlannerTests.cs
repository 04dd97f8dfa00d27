using PaperBot.Core.Digests;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Digests;

/// <summary>Digests on a fake clock, in Paris, across the end of summer time (2026-10-25).</summary>
public sealed class DigestPlannerTests : IDisposable
{
    private readonly TestBot _bot = new(now: new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    private void See(params Paper[] papers) =>
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), DateOnly.FromDateTime(_bot.Time.GetUtcNow().UtcDateTime)));

    private static Paper Agents(int n, int upvotes) => TestPapers.Make($"2610.{n:00000}", $"Agents {n}", upvotes: upvotes, listedOn: new DateOnly(2026, 10, 23));

    private async Task<int> RunDueAsync()
    {
        var planned = await _bot.Get<DigestPlanner>().EnqueueDueAsync(CancellationToken.None);
        await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
        return planned;
    }

    private void AdvanceTo(string utc) =>
        _bot.Time.Advance(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture) - _bot.Time.GetUtcNow());

    [Fact]
    public async Task Digest_OneMessageADayAtLocalTime_RankedByUpvotes_AcrossDst()
    {
        See(Agents(1, 1));
        await _bot.RunAsync("/papers subscribe agents --digest 09:00 Europe/Paris");
        _bot.Time.Advance(TimeSpan.FromHours(1));
        See(Agents(2, 5), Agents(3, 50), TestPapers.Make("2610.00009", "Robots"));

        AdvanceTo("2026-10-24T06:59:00Z");
        Assert.Equal(0, await RunDueAsync());
        AdvanceTo("2026-10-24T07:00:00Z");
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal(0, await RunDueAsync());

        var digest = Assert.Single(_bot.Publisher.Posts).AsDigest();
        Assert.Equal(["2610.00003", "2610.00002"], digest.Papers.Select(p => p.ArxivId));
        Assert.Equal("Daily digest for agents, Sat, Oct 24: 2 new papers", digest.Heading);

        // Summer time ends overnight: the next digest is at 09:00 CET, 08:00 UTC, not an hour early.
        AdvanceTo("2026-10-24T20:00:00Z");
        See(Agents(4, 7));
        AdvanceTo("2026-10-25T07:00:00Z");
        Assert.Equal(0, await RunDueAsync());
        AdvanceTo("2026-10-25T08:00:00Z");
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal("2610.00004", Assert.Single(_bot.Publisher.Posts.Skip(1)).AsDigest().Papers.Single().ArxivId);
    }

    [Fact]
    public async Task Digest_DayWithoutMatches_PostsNothing_AndNextDigestStillCoversEverythingSince()
    {
        await _bot.RunAsync("/papers subscribe agents --digest 09:00 UTC");
        AdvanceTo("2026-10-24T09:00:00Z");
        Assert.Equal(0, await RunDueAsync());

        AdvanceTo("2026-10-24T10:00:00Z");
        See(Agents(5, 3));

        // The bot is down for two days; the first digest after that covers what it saw before.
        AdvanceTo("2026-10-27T11:00:00Z");
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal("2610.00005", Assert.Single(_bot.Publisher.Posts).AsDigest().Papers.Single().ArxivId);
        Assert.Empty(_bot.Store.Pending());
    }

    [Fact]
    public async Task Digest_MinUpvotes_LeavesOutPapersBelowTheThreshold()
    {
        await _bot.RunAsync("/papers subscribe agents --digest 09:00 UTC --min-upvotes 10");
        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        See(Agents(6, 9), Agents(7, 10));

        AdvanceTo("2026-10-24T09:00:00Z");
        await RunDueAsync();

        Assert.Equal("2610.00007", Assert.Single(_bot.Publisher.Posts).AsDigest().Papers.Single().ArxivId);
    }

    [Fact]
    public async Task Digest_PapersAreNotPostedInstantly()
    {
        await _bot.RunAsync("/papers subscribe agents --digest");
        _bot.Listing.ThenListed(TestPapers.Make("2610.00001", "Robots")).ThenListed(TestPapers.Make("2610.00001", "Robots"), Agents(8, 1));

        await _bot.Get<PaperBot.Core.Polling.ListingPoller>().PollAsync(CancellationToken.None);
        await _bot.Get<PaperBot.Core.Polling.ListingPoller>().PollAsync(CancellationToken.None);

        Assert.Empty(_bot.Store.Pending());
    }
}
