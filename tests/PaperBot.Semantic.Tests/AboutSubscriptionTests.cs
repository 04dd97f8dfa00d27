using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Digests;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Polling;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Semantic.Tests;

/// <summary>about: subscriptions, instant and digest, through the real poller, outbox and model, on a real LiteDB file.</summary>
[Collection(ModelCollection.Name)]
public sealed class AboutSubscriptionTests : IDisposable
{
    private const string Interest = "about:\"machines that learn to pick up objects by watching people\"";

    private static readonly Paper Earlier = TestPapers.Make("2611.00000", "Sparse Attention Kernels", abstractText: "Faster attention on GPUs.");

    private static readonly Paper Grasping = TestPapers.Make("2611.00001", "Dexterous Grasping from Human Videos", upvotes: 3,
        abstractText: "A robot hand learns pick-and-place skills by watching people handle objects on video.");

    private static readonly Paper Folding = TestPapers.Make("2611.00002", "Bimanual Laundry Folding with Diffusion Policies", upvotes: 9,
        abstractText: "Two robot arms learn to fold clothes from recorded human demonstrations.");

    private static readonly Paper Weather = TestPapers.Make("2611.00003", "Global Weather Forecasting with Graph Networks", upvotes: 50,
        abstractText: "We predict temperature and precipitation ten days ahead from reanalysis data.");

    private static readonly Paper Proofs = TestPapers.Make("2611.00004", "Formal Theorem Proving with Language Models", upvotes: 20,
        abstractText: "An LLM writes Lean proofs of olympiad problems, checked by the proof assistant.");

    private readonly ModelFixture _model;
    private readonly TestBot _bot = new();

    public AboutSubscriptionTests(ModelFixture model) => _model = model;

    public void Dispose() => _bot.Dispose();

    /// <summary>The semantic services as the host wires them (a new set is a restarted process over the same store).</summary>
    private (PaperVectors Vectors, AboutMatcher About) Start(ITextEmbedder? paperModel = null)
    {
        var about = new AboutMatcher();
        var late = _bot.Create<LateAboutDeliveries>(about);
        return (new PaperVectors(paperModel ?? _model.Embedder, _bot.Store, _bot.Get<PaperSearchIndex>(), NullLogger<PaperVectors>.Instance, _bot.Time, late), about);
    }

    private void Subscribe(string query, SubscriptionOptions? options = null) =>
        _bot.Store.AddSubscription(TestBot.General, TopicQuery.Parse(query).Text, TestBot.Alice.Key, _bot.Time.GetUtcNow(), options);

    private async Task PollAsync((PaperVectors Vectors, AboutMatcher About) semantic, params Paper[] listed)
    {
        _bot.Listing.ThenListed(listed);
        _bot.Time.Advance(TimeSpan.FromMinutes(5));
        await _bot.Create<ListingPoller>(semantic.About, semantic.Vectors).PollAsync(CancellationToken.None);
    }

    private async Task<List<(string ArxivId, IReadOnlyList<string> Topics)>> DeliverAsync()
    {
        await _bot.Get<DeliveryDispatcher>().DeliverPendingAsync(CancellationToken.None);
        return [.. _bot.Publisher.Posts.Select(p => (p.Post.Paper.ArxivId, p.Post.Topics)).OrderBy(p => p.ArxivId, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Poll_AboutAndKeywordTopics_PostsEachMatchingPaperOnceNamingEveryTopic()
    {
        var semantic = Start();
        await PollAsync(semantic, Earlier);
        Subscribe(Interest);
        Subscribe("weather OR hand");

        await PollAsync(semantic, Earlier, Grasping, Folding, Weather, Proofs);
        await PollAsync(semantic, Earlier, Grasping, Folding, Weather, Proofs);
        var posts = await DeliverAsync();

        var about = TopicQuery.Parse(Interest).Text;
        Assert.Equal([(Grasping.ArxivId, ["weather OR hand", about]), (Folding.ArxivId, [about]), (Weather.ArxivId, ["weather OR hand"])],
            posts.Select(p => (p.ArxivId, (IReadOnlyList<string>)[.. p.Topics])).ToList(), new PostComparer());
    }

    [Fact]
    public async Task Poll_ModelFailsThenProcessRestarts_PaperIsEmbeddedLaterAndPostedExactlyOnce()
    {
        await PollAsync(Start(), Earlier);
        Subscribe(Interest);
        Subscribe("hand");

        // The model fails during the poll: the papers are recorded and posted by words; none has a vector.
        await PollAsync(Start(new FailingEmbedder(_model.Embedder)), Earlier, Grasping, Folding, Weather);
        Assert.Equal([Grasping.ArxivId], (await DeliverAsync()).Select(p => p.ArxivId));
        Assert.Equal(4, _bot.Store.CountWithoutEmbedding(PaperEmbedder.StoreKey(_model.Embedder)));

        // After a restart the background embedder gives them vectors, and the paper matched by meaning is queued then.
        var restarted = Start();
        Assert.Equal(4, await restarted.Vectors.BackfillAsync(32, CancellationToken.None));
        await PollAsync(restarted, Earlier, Grasping, Folding, Weather);
        Assert.Equal(0, await Start().Vectors.BackfillAsync(32, CancellationToken.None));

        var posts = await DeliverAsync();
        Assert.Equal([Grasping.ArxivId, Folding.ArxivId], posts.Select(p => p.ArxivId));
        Assert.Equal([TopicQuery.Parse(Interest).Text], posts[1].Topics);
        Assert.Empty(_bot.Store.Pending());
    }

    [Fact]
    public async Task LateMatch_RunTwice_AsAfterACrashBeforeTheVectorsWereStored_QueuesOnce()
    {
        var semantic = Start();
        await PollAsync(semantic, Earlier);
        Subscribe(Interest);
        await PollAsync(Start(new FailingEmbedder(_model.Embedder)), Earlier, Folding);
        var late = _bot.Create<LateAboutDeliveries>(semantic.About);
        var vector = (await PaperEmbedder.EmbedAsync(_model.Embedder, [Folding], CancellationToken.None))[0];
        var embedding = new PaperEmbedding(Folding.ArxivId, PaperEmbedder.StoreKey(_model.Embedder), vector);

        await late.OnComputedAsync(semantic.Vectors, [Folding], [embedding], CancellationToken.None);
        await late.OnComputedAsync(semantic.Vectors, [Folding], [embedding], CancellationToken.None);

        Assert.Equal(Folding.ArxivId, Assert.Single(_bot.Store.Pending()).ArxivId);
    }

    [Fact]
    public async Task LateMatch_PaperFirstSeenBeforeTheSubscription_IsNotPosted()
    {
        await PollAsync(Start(), Earlier);
        await PollAsync(Start(new FailingEmbedder(_model.Embedder)), Earlier, Folding);
        Subscribe(Interest);

        Assert.Equal(2, await Start().Vectors.BackfillAsync(32, CancellationToken.None));

        Assert.Empty(_bot.Store.Pending());
    }

    [Fact]
    public async Task FirstPoll_AboutSubscriptionMadeBeforeIt_PostsNothingThenOrLater()
    {
        Subscribe(Interest);
        _bot.Time.Advance(TimeSpan.FromMinutes(1));

        await PollAsync(Start(), Earlier, Grasping, Folding);
        Assert.Equal(0, await Start().Vectors.BackfillAsync(32, CancellationToken.None));

        Assert.Empty(_bot.Store.Pending());
    }

    [Fact]
    public async Task Digest_About_ListsOnlyThePapersOnTopic()
    {
        var semantic = Start();
        await PollAsync(semantic, Earlier);
        Subscribe(Interest, new SubscriptionOptions { Mode = SubscriptionMode.Digest });
        await PollAsync(Start(new FailingEmbedder(_model.Embedder)), Earlier, Grasping, Folding, Weather, Proofs);
        Assert.Empty(_bot.Store.Pending());

        _bot.Time.Advance(TimeSpan.FromHours(20));
        var planned = await _bot.Create<DigestPlanner>(semantic.Vectors).EnqueueDueAsync(CancellationToken.None);

        Assert.Equal(1, planned);
        var digest = Assert.Single(_bot.Store.Pending());
        Assert.Equal([Folding.ArxivId, Grasping.ArxivId], digest.DigestPapers);
    }

    [Fact]
    public async Task Subscribe_About_PreviewShowsTheClosestPapersAndHowToTuneIt()
    {
        _bot.Store.RecordPoll([Grasping, Folding, Weather, Proofs], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        var subscribe = _bot.Create<SubscribeCommand>(Start().Vectors);
        var context = new CommandContext(TestBot.General, TestBot.Alice, true);

        var answer = Assert.IsType<ConfirmationResult>(await subscribe.ExecuteAsync(context, Interest, CancellationToken.None));
        var strict = Assert.IsType<ConfirmationResult>(await subscribe.ExecuteAsync(context, Interest + "~6", CancellationToken.None));

        var preview = answer.Preview!;
        Assert.Equal(2, preview.Matched);
        Assert.Equal([Grasping.ArxivId, Folding.ArxivId], preview.Top.Select(t => t.Paper.ArxivId).Order(StringComparer.Ordinal));
        Assert.True(preview.Top[0].Closeness >= preview.Top[1].Closeness);
        Assert.True(preview.Top[1].Closeness >= AboutCloseness.DefaultThreshold);
        Assert.True(preview.ClosestMiss!.Closeness < AboutCloseness.DefaultThreshold);
        Assert.Contains("would have matched 2 papers, the closest being:", answer.Message, StringComparison.Ordinal);
        Assert.Contains("add ~strict, ~broad or ~N.N", answer.Message, StringComparison.Ordinal);
        Assert.Equal(0, strict.Preview!.Matched);
        Assert.Contains("would have matched no paper at closeness 6.0", strict.Message, StringComparison.Ordinal);
        Assert.Equal(2, _bot.Store.SubscriptionsOf(TestBot.General).Count);
    }

    private sealed class PostComparer : IEqualityComparer<(string, IReadOnlyList<string>)>
    {
        public bool Equals((string, IReadOnlyList<string>) x, (string, IReadOnlyList<string>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((string, IReadOnlyList<string>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
