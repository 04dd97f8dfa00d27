using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class SearchAndSavedTests : IDisposable
{
    private readonly TestBot _bot = new();

    public SearchAndSavedTests() => _bot.Store.RecordPoll(
    [
        TestPapers.Make("2611.00001", "Planning with language agents", upvotes: 3),
        TestPapers.Make("2611.00002", "A benchmark", upvotes: 90, abstractText: "We evaluate agents on tasks."),
        TestPapers.Make("2611.00003", "Another benchmark", upvotes: 10, keywords: ["agents"], listedOn: TestPapers.Day.AddDays(-30)),
        TestPapers.Make("2611.00004", "Robots", upvotes: 500),
        TestPapers.Make("2611.00005", "Agents again", upvotes: 7, listedOn: TestPapers.Day.AddDays(-400)),
    ], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Search_RanksTitleMatchesThenKeywordsThenAbstract_ThenUpvotes_OverEveryStoredDay()
    {
        var list = await _bot.RunAsync<PaperListResult>("/papers search agents");

        Assert.Equal(["2611.00005", "2611.00001", "2611.00003", "2611.00002"], list.Papers.Select(p => p.ArxivId));
        Assert.Equal("Search results for agents", list.Heading);
    }

    [Fact]
    public async Task Search_Pages()
    {
        _bot.Store.RecordPoll(Enumerable.Range(10, 25).Select(i => TestPapers.Make($"2611.000{i}", $"Agents {i}", upvotes: i)).ToList(), [],
            new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

        var second = await _bot.RunAsync<PaperListResult>("/papers search agents --page 2");

        Assert.Equal(11, second.FirstNumber);
        Assert.Equal(25 + 4, second.Total);
        Assert.Equal("/papers search agents --page 3", TextSyntax.Instance.Write(second.More!));
    }

    [Theory]
    [InlineData("/papers search", "column 1")]
    [InlineData("/papers search (agents", "column 1")]
    public async Task Search_BadQuery_Explained(string command, string expected)
    {
        Assert.Contains(expected, (await _bot.RunAsync<ErrorResult>(command)).Message);
    }

    [Fact]
    public async Task Saved_WithQuery_FiltersTheCallersListAndKeepsSaveDates()
    {
        await _bot.RunAsync("/papers save 2611.00001");
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await _bot.RunAsync("/papers save 2611.00004");
        await _bot.RunAsync("/papers save 2611.00002", user: TestBot.Bob);

        var filtered = await _bot.RunAsync<SavedListResult>("/papers saved agents");
        var all = await _bot.RunAsync<SavedListResult>("/papers saved");

        Assert.Equal("2611.00001", Assert.Single(filtered.Entries).Saved.ArxivId);
        Assert.Equal("agents", filtered.Filter);
        Assert.Equal(["2611.00004", "2611.00001"], all.Entries.Select(e => e.Saved.ArxivId));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero), all.Entries[1].Saved.SavedAt);
        Assert.Null(all.Filter);
    }
}
