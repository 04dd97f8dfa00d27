using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class TodayCommandTests : IDisposable
{
    private readonly TestBot _bot = new(now: new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    private void Seed(params Paper[] papers) => _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

    [Fact]
    public async Task Today_EmptyStore_SaysListingNotReadYet()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers today");
        Assert.Contains("not read the Daily Papers listing yet", error.Message);
    }

    [Fact]
    public async Task Today_LatestDayIsToday_ListsItsPapersMostUpvotedFirstWithoutNotice()
    {
        Seed(TestPapers.Make("2611.00001", "Low", upvotes: 2),
             TestPapers.Make("2611.00002", "High", upvotes: 50),
             TestPapers.Make("2611.00003", "Old", upvotes: 99, listedOn: TestPapers.Day.AddDays(-1)));

        var list = await _bot.RunAsync<PaperListResult>("/papers today");

        Assert.Equal(["High", "Low"], list.Papers.Select(p => p.Title));
        Assert.Null(list.Notice);
        Assert.Null(list.More);
        Assert.Equal(2, list.Total);
        Assert.Equal("Daily Papers for Tue, Nov 24, 2026", list.Heading);
        Assert.False(list.Private);
    }

    [Fact]
    public async Task Today_NoPapersYetToday_SaysSoAndShowsLatestDayLabelled()
    {
        Seed(TestPapers.Make("2611.00001", "Friday paper"));
        _bot.Time.Advance(TimeSpan.FromDays(2));

        var list = await _bot.RunAsync<PaperListResult>("today");

        Assert.Contains("No papers have been listed yet today (Thu, Nov 26, 2026)", list.Notice);
        Assert.Contains("Tue, Nov 24, 2026", list.Heading);
        Assert.Single(list.Papers);
    }

    [Fact]
    public async Task Today_MoreThanTenPapers_PagesTenAtATimeWithHint()
    {
        Seed(Enumerable.Range(1, 23).Select(i => TestPapers.Make($"2611.{i:00000}", $"Paper {i}", upvotes: i)).ToArray());

        var first = await _bot.RunAsync<PaperListResult>("/papers today");
        var third = await _bot.RunAsync<PaperListResult>("/papers today --page 3");

        Assert.Equal(10, first.Papers.Count);
        Assert.Equal("Paper 23", first.Papers[0].Title);
        Assert.Equal("/papers today --page 2", TextSyntax.Instance.Write(first.More!));
        Assert.Equal(23, first.Total);
        Assert.Equal(21, third.FirstNumber);
        Assert.Equal(["Paper 3", "Paper 2", "Paper 1"], third.Papers.Select(p => p.Title));
        Assert.Null(third.More);
    }

    [Theory]
    [InlineData("/papers today --page 0", "is not a page number")]
    [InlineData("/papers today --page x", "--page needs a whole number, e.g. --page 2; \"x\" is not one")]
    [InlineData("/papers today --page 9", "only 1 page")]
    public async Task Today_BadPage_ExplainsTheValidRange(string command, string expected)
    {
        Seed(TestPapers.Make("2611.00001", "Only paper"));

        var error = await _bot.RunAsync<ErrorResult>(command);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Today_WithQuery_ShowsOnlyMatchingPapersAndKeepsQueryInHint()
    {
        Seed([.. Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2611.{i:00000}", $"Robot learning {i}", upvotes: i)),
              TestPapers.Make("2611.00099", "Language models", upvotes: 500)]);

        var list = await _bot.RunAsync<PaperListResult>("/papers today robot");

        Assert.Equal(12, list.Total);
        Assert.DoesNotContain(list.Papers, p => p.Title == "Language models");
        Assert.Equal("/papers today robot --page 2", TextSyntax.Instance.Write(list.More!));
    }

    [Fact]
    public async Task Today_MalformedQuery_PointsAtTheColumn()
    {
        Seed(TestPapers.Make("2611.00001", "Only paper"));

        var error = await _bot.RunAsync<ErrorResult>("/papers today \"world model");

        Assert.Contains("column", error.Message);
        Assert.Contains("^", error.Message);
    }
}
