using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Semantic.Tests;

/// <summary>today, search, saved, similar and recommend with about: on the real model and a real LiteDB file.</summary>
[Collection(ModelCollection.Name)]
public sealed class SemanticCommandTests : IDisposable
{
    private static readonly Paper Grasping = TestPapers.Make("2611.00001", "Dexterous Grasping from Human Videos", upvotes: 3,
        abstractText: "A robot hand learns pick-and-place skills by watching people handle objects on video.");

    private static readonly Paper Folding = TestPapers.Make("2611.00002", "Bimanual Laundry Folding with Diffusion Policies", upvotes: 9,
        abstractText: "Two robot arms learn to fold clothes from recorded human demonstrations.");

    private static readonly Paper Weather = TestPapers.Make("2611.00003", "Global Weather Forecasting with Graph Networks", upvotes: 50,
        abstractText: "We predict temperature and precipitation ten days ahead from reanalysis data.");

    private static readonly Paper Proofs = TestPapers.Make("2611.00004", "Formal Theorem Proving with Language Models", upvotes: 20,
        abstractText: "An LLM writes Lean proofs of olympiad problems, checked by the proof assistant.");

    private readonly TestBot _bot = new();
    private readonly PaperVectors _vectors;
    private readonly CommandContext _alice = new(TestBot.General, TestBot.Alice, true);

    public SemanticCommandTests(ModelFixture model)
    {
        _vectors = new PaperVectors(model.Embedder, _bot.Store, _bot.Get<PaperSearchIndex>(), NullLogger<PaperVectors>.Instance);
        _bot.Store.RecordPoll([Grasping, Folding, Weather, Proofs], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
    }

    public void Dispose() => _bot.Dispose();

    private async Task<T> Run<T>(ICommandHandler handler, string arguments) where T : CommandResult =>
        Assert.IsType<T>(await handler.ExecuteAsync(_alice, arguments, CancellationToken.None));

    [Fact]
    public async Task Today_About_ListsOnlyThePapersOnThatTopic()
    {
        var list = await Run<PaperListResult>(_bot.Create<TodayCommand>(_vectors), "about:\"machines that learn to pick up objects by watching people\"");

        Assert.Equal([Folding.ArxivId, Grasping.ArxivId], list.Papers.Select(p => p.ArxivId));
        Assert.Contains("about:\"machines that learn", list.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_About_RanksByClosenessAndKeywordConditionsFilter()
    {
        var search = _bot.Create<SearchCommand>(_vectors);

        var all = await Run<PaperListResult>(search, "about:\"robots imitating humans\"~0");
        var filtered = await Run<PaperListResult>(search, "about:\"robots imitating humans\"~0 -laundry upvotes>=2");

        // Both robot papers come before the weather and proof papers, whatever their upvotes.
        Assert.Equal([Grasping.ArxivId, Folding.ArxivId], all.Papers.Take(2).Select(p => p.ArxivId).Order(StringComparer.Ordinal));
        // At the default closeness only the two robot papers are close enough (a store this small is measured by the prior).
        var closeEnough = await Run<PaperListResult>(search, "about:\"robots imitating humans\"");
        Assert.Equal([Grasping.ArxivId, Folding.ArxivId], closeEnough.Papers.Select(p => p.ArxivId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(filtered.Papers, p => p.ArxivId == Folding.ArxivId);
        Assert.Equal(Grasping.ArxivId, filtered.Papers[0].ArxivId);
    }

    [Fact]
    public async Task AboutCommands_WithoutTheModel_SayWhatIsMissing()
    {
        var error = await Run<ErrorResult>(_bot.Create<TodayCommand>(), "about:\"weather\"");

        Assert.Contains("needs the sentence model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_About_FiltersTheReadingListByMeaning()
    {
        _bot.Store.Save(TestBot.Alice, Weather.ArxivId, _bot.Time.GetUtcNow());
        _bot.Store.Save(TestBot.Alice, Proofs.ArxivId, _bot.Time.GetUtcNow());

        var saved = await Run<SavedListResult>(_bot.Create<SavedCommand>(_vectors), "about:\"rain and temperature prediction\"");

        Assert.Equal([Weather.ArxivId], saved.Entries.Select(e => e.Saved.ArxivId));
    }

    [Fact]
    public async Task Similar_Paper_ListsTheClosestOthersFirstAndRefusesUnknownIds()
    {
        var similar = _bot.Create<SimilarCommand>(_vectors);

        var list = await Run<PaperListResult>(similar, "2611.00001v2");
        var unknown = await Run<ErrorResult>(similar, "2611.09999");
        var bad = await Run<ErrorResult>(similar, "grasping");

        Assert.Equal(Folding.ArxivId, list.Papers[0].ArxivId);
        Assert.DoesNotContain(list.Papers, p => p.ArxivId == Grasping.ArxivId);
        Assert.False(list.Private);
        Assert.Contains("have not seen 2611.09999", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("not an arXiv id", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_EmptyList_SaysHowToFillIt_ThenRecommendsCloseToWhatWasSaved()
    {
        var recommend = _bot.Create<RecommendCommand>(_vectors);

        var empty = await Run<ErrorResult>(recommend, "");
        _bot.Store.Save(TestBot.Alice, Grasping.ArxivId, _bot.Time.GetUtcNow());
        var list = await Run<PaperListResult>(recommend, "");

        Assert.Contains("reading list is empty", empty.Message, StringComparison.Ordinal);
        Assert.Contains("/papers save", empty.Hint, StringComparison.Ordinal);
        Assert.Equal(Folding.ArxivId, list.Papers[0].ArxivId);
        Assert.DoesNotContain(list.Papers, p => p.ArxivId == Grasping.ArxivId);
        Assert.True(list.Private);
    }
}
