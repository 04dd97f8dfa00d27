using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class SubscribeOptionsTests : IDisposable
{
    private readonly TestBot _bot = new(now: new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    private void Seed(params Paper[] papers) => _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

    // The text surfaces' path: the one parser, the shared range checks, then subscribe's own reading of the fields.
    private static bool TryParse(string text, out SubscribeArguments parsed, out string? error)
    {
        parsed = null!;
        if (!CommandLine.TryRead(SubscribeOptions.Spec, text, out var arguments, out error))
        {
            return false;
        }

        error = CommandChecks.Check(SubscribeOptions.Spec, arguments);
        return error is null && SubscribeArguments.TryRead(arguments, out parsed, out error);
    }

    [Theory]
    [InlineData("agents", "agents", SubscriptionMode.Instant, "09:00", "UTC", null, 0)]
    [InlineData("agents --digest", "agents", SubscriptionMode.Digest, "09:00", "UTC", null, 0)]
    [InlineData("--digest 7:30 Europe/Paris agents OR robots", "agents OR robots", SubscriptionMode.Digest, "07:30", "Europe/Paris", null, 0)]
    [InlineData("agents --digest 18:05 America/New_York --min-upvotes 20", "agents", SubscriptionMode.Digest, "18:05", "America/New_York", 20, 0)]
    [InlineData("\"world model\" --backfill 5 --min-upvotes=3", "\"world model\"", SubscriptionMode.Instant, "09:00", "UTC", 3, 5)]
    [InlineData("agents -survey --digest UTC", "agents -survey", SubscriptionMode.Digest, "09:00", "UTC", null, 0)]
    public void Parse_Options_AreTakenOutOfTheQuery(string text, string query, SubscriptionMode mode, string at, string zone, int? min, int backfill)
    {
        Assert.True(TryParse(text, out var parsed, out var error), error);

        Assert.Equal(query, parsed.Query);
        Assert.Equal(mode, parsed.Options.Mode);
        Assert.Equal(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), parsed.Options.DigestAt);
        Assert.Equal(zone, parsed.Options.TimeZone);
        Assert.Equal(min, parsed.Options.MinUpvotes);
        Assert.Equal(backfill, parsed.Backfill);
    }

    [Theory]
    [InlineData("agents --digest 25:00", "is not a time of day")]
    [InlineData("agents --digest 09:00 Mars/Olympus_Mons", "don't know the time zone \"Mars/Olympus_Mons\"")]
    [InlineData("agents --min-upvotes lots", "--min-upvotes needs a whole number")]
    [InlineData("agents --backfill 500", "at most 20")]
    [InlineData("agents --daily", "Unknown option --daily")]
    public void Parse_BadOption_SaysWhatToWrite(string text, string expected)
    {
        Assert.False(TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Subscribe_StoresOptionsAndEchoesThem()
    {
        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers subscribe Agents --digest 08:15 Europe/Berlin --min-upvotes 12");

        var subscription = Assert.Single(_bot.Store.SubscriptionsOf(TestBot.General));
        Assert.Equal(new SubscriptionOptions { Mode = SubscriptionMode.Digest, DigestAt = new TimeOnly(8, 15), TimeZone = "Europe/Berlin", MinUpvotes = 12 },
            subscription.Options);
        Assert.Contains("Subscribed this channel to agents (#1, daily digest at 08:15 Europe/Berlin, from 12 upvotes)", confirmation.Message);
    }

    [Fact]
    public async Task Subscribe_PreviewsTheLastWeeksMatchesWithTheTopThree()
    {
        Seed(TestPapers.Make("2611.00001", "Agents A", upvotes: 5),
             TestPapers.Make("2611.00002", "Agents B", upvotes: 50),
             TestPapers.Make("2611.00003", "Agents C", upvotes: 30, listedOn: TestPapers.Day.AddDays(-6)),
             TestPapers.Make("2611.00004", "Agents D", upvotes: 40, listedOn: TestPapers.Day.AddDays(-2)),
             TestPapers.Make("2611.00005", "Agents too old", upvotes: 99, listedOn: TestPapers.Day.AddDays(-7)),
             TestPapers.Make("2611.00006", "Robots", upvotes: 80));

        var message = (await _bot.RunAsync<ConfirmationResult>("/papers subscribe agents")).Message;

        Assert.Contains("would have matched 4 papers", message);
        var lines = message.Split('\n');
        Assert.Equal(["  • Agents B (▲50)", "  • Agents D (▲40)", "  • Agents C (▲30)"], lines[^3..]);
        Assert.Empty(_bot.Store.Pending());
    }

    [Fact]
    public async Task Subscribe_NothingRecent_SaysSoWithAHint()
    {
        Seed(TestPapers.Make("2611.00006", "Robots"));

        var message = (await _bot.RunAsync<ConfirmationResult>("/papers subscribe agnets")).Message;

        Assert.Contains("would have matched no paper: check the spelling", message);
    }

    [Fact]
    public async Task Subscribe_Backfill_EnqueuesTheMostRecentMatchesAndWakesDelivery()
    {
        Seed(TestPapers.Make("2611.00001", "Agents A", upvotes: 5),
             TestPapers.Make("2611.00002", "Agents B", upvotes: 50),
             TestPapers.Make("2611.00004", "Agents D", upvotes: 40, listedOn: TestPapers.Day.AddDays(-2)));

        var message = (await _bot.RunAsync<ConfirmationResult>("/papers subscribe agents --backfill 2")).Message;
        var sent = await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);

        Assert.Contains("posting the 2 most recent matches now", message);
        Assert.Equal(2, sent);
        Assert.Equal(["2611.00001", "2611.00002"], _bot.Publisher.Posts.Select(p => p.Post.Paper.ArxivId).Order());
        Assert.True(await _bot.Get<DeliverySignal>().WaitAsync(TimeSpan.FromMinutes(1), _bot.Time, CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_BackfillWithThreshold_OnlyPapersAtTheThreshold()
    {
        Seed(TestPapers.Make("2611.00001", "Agents A", upvotes: 5), TestPapers.Make("2611.00002", "Agents B", upvotes: 50));

        await _bot.RunAsync("/papers subscribe agents --backfill 5 --min-upvotes 10");

        Assert.Equal("2611.00002", Assert.Single(_bot.Store.Pending()).ArxivId);
    }
}
