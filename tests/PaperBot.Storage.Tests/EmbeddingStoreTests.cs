using PaperBot.Core.Semantic;

namespace PaperBot.Storage.Tests;

public abstract class EmbeddingStoreTests(StoreHarness harness) : StoreTestBase(harness)
{
    [Fact]
    public void SaveEmbeddings_ReplaceAndReopen_KeepsTheLatestVectorExactly()
    {
        Store.RecordPoll([Samples.Paper("2509.00001"), Samples.Paper("2509.00002")], [], Samples.Polled(Samples.Day));
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini", [1f, 2f]), new PaperEmbedding("2509.00002", "mini", [3f, 4f])]);
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini", [float.Epsilon, -0.5f])]);
        Reopen();

        var stored = Store.AllEmbeddings("mini").OrderBy(e => e.ArxivId, StringComparer.Ordinal).ToList();

        Assert.Equal(["2509.00001", "2509.00002"], stored.Select(e => e.ArxivId));
        Assert.Equal([float.Epsilon, -0.5f], stored[0].Vector);
        Assert.Empty(Store.AllEmbeddings("other"));
    }

    [Fact]
    public void PapersWithoutEmbedding_NewestDayFirstAndLimited_AndCounted()
    {
        Store.RecordPoll(
            [Samples.Paper("2509.00001", Samples.Day.AddDays(-2)), Samples.Paper("2509.00002", Samples.Day), Samples.Paper("2509.00003", Samples.Day.AddDays(-1))],
            [], Samples.Polled(Samples.Day));
        Store.SaveEmbeddings([new PaperEmbedding("2509.00002", "mini", [1f])]);

        Assert.Equal(["2509.00003"], Store.PapersWithoutEmbedding("mini", 1).Select(p => p.ArxivId));
        Assert.Equal(["2509.00003", "2509.00001"], Store.PapersWithoutEmbedding("mini", 10).Select(p => p.ArxivId));
        Assert.Equal(2, Store.CountWithoutEmbedding("mini"));
    }

    [Fact]
    public void CountWithoutEmbedding_VectorOfAnotherModel_CountsAsMissingUntilReplaced()
    {
        // How papers are embedded changed (a new model name): the old vectors are still stored, but owed again.
        Store.RecordPoll([Samples.Paper("2509.00001"), Samples.Paper("2509.00002"), Samples.Paper("2509.00003")], [], Samples.Polled(Samples.Day));
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini", [1f]), new PaperEmbedding("2509.00002", "mini", [2f])]);
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini/v2", [3f])]);

        Assert.Equal(2, Store.CountWithoutEmbedding("mini/v2"));
        Assert.Equal(["2509.00002", "2509.00003"], Store.PapersWithoutEmbedding("mini/v2", 10).Select(p => p.ArxivId).Order(StringComparer.Ordinal));
        Assert.Equal(2, Store.CountWithoutEmbedding("mini"));

        Store.SaveEmbeddings([new PaperEmbedding("2509.00002", "mini/v2", [4f]), new PaperEmbedding("2509.00003", "mini/v2", [5f])]);
        Reopen();
        Assert.Equal(0, Store.CountWithoutEmbedding("mini/v2"));
        Assert.Equal(3, Store.CountWithoutEmbedding("mini"));
    }

    [Fact]
    public void PapersWithoutEmbedding_AfterNoneWasMissing_SeesANewPollAndAVectorOfAnotherModel()
    {
        Store.RecordPoll([Samples.Paper("2509.00001")], [], Samples.Polled(Samples.Day));
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "mini", [1f])]);
        Assert.Empty(Store.PapersWithoutEmbedding("mini", 10));
        Assert.Equal(["2509.00001"], Store.PapersWithoutEmbedding("other", 10).Select(p => p.ArxivId));

        // Known complete for "mini" now: a poll that adds a paper and a vector of another model must both show.
        Assert.Empty(Store.PapersWithoutEmbedding("mini", 10));
        Store.RecordPoll([Samples.Paper("2509.00002")], [], Samples.Polled(Samples.Day));
        Assert.Equal(["2509.00002"], Store.PapersWithoutEmbedding("mini", 10).Select(p => p.ArxivId));

        Store.SaveEmbeddings([new PaperEmbedding("2509.00002", "mini", [2f])]);
        Assert.Empty(Store.PapersWithoutEmbedding("mini", 10));
        Store.SaveEmbeddings([new PaperEmbedding("2509.00001", "other", [3f])]);
        Assert.Equal(["2509.00001"], Store.PapersWithoutEmbedding("mini", 10).Select(p => p.ArxivId));
    }
}
