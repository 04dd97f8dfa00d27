using Microsoft.Extensions.Logging;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Semantic;

/// <summary>
/// Every stored paper's vector, held in memory (20,000 papers are 30 MB) and read from the store once. A paper is
/// embedded once: by the background embedder soon after the poll stores it, or on demand when a command or the
/// matcher needs it first; either way the vector is stored.
/// </summary>
public sealed partial class PaperVectors(
    ITextEmbedder embedder, IEmbeddingStore store, Search.PaperSearchIndex words, ILogger<PaperVectors> logger, TimeProvider? time = null,
    IPaperVectorsListener? listener = null)
{
    // Counting papers without a vector reads both collections' sizes (18 ms at 20,000 papers); commands ask before
    // every scan, so the answer is reused for a few seconds (and refreshed whenever this class embeds).
    private static readonly TimeSpan MissingCountLifetime = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = time ?? TimeProvider.System;
    private (int Count, long At)? _missingCount;

    private const int MaxRememberedSentences = 256;
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _sentences = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (SentenceScore Score, int Count)> _scores = new(StringComparer.Ordinal);
    private VectorMatrix? _vectors;

    /// <summary>The name the vectors are stored under: the model's and how papers are embedded (<see cref="PaperEmbedder.StoreKey"/>).</summary>
    public string ModelName { get; } = PaperEmbedder.StoreKey(embedder);

    /// <summary>How many papers have a vector.</summary>
    public int Count => Loaded().Count;

    /// <summary>A copy of the paper's vector, or null when it has none yet.</summary>
    public float[]? Find(string arxivId) => Loaded().Find(arxivId);

    /// <summary>The vectors of <paramref name="papers"/>, embedding (and storing) those that have none yet.</summary>
    public async Task<IReadOnlyDictionary<string, float[]>> ForPapersAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<Paper>();
        var all = Loaded();
        foreach (var paper in papers)
        {
            if (found.ContainsKey(paper.ArxivId))
            {
                continue;
            }

            if (all.Find(paper.ArxivId) is { } vector)
            {
                found[paper.ArxivId] = vector;
            }
            else if (missing.TrueForAll(p => p.ArxivId != paper.ArxivId))
            {
                missing.Add(paper);
            }
        }

        foreach (var embedding in await EmbedAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            found[embedding.ArxivId] = embedding.Vector;
        }

        return found;
    }

    /// <summary>Embeds up to <paramref name="limit"/> stored papers that have no vector; returns how many.</summary>
    /// <param name="limit">The most papers to embed.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    /// <param name="compactAfterRead">
    /// For the background embedder's rounds: one full collection after reading the papers owed a vector hands back that
    /// read's garbage (the LiteDB store reads every stored paper: 40-60 MB at 20,000 papers) before the model runs
    /// beside it, which lowered the whole bot's peak from 390-401 MB to about 372 MB (the semantic-host benchmark).
    /// Commands leave it off: a blocking collection does not belong in a command's path.
    /// </param>
    public async Task<int> BackfillAsync(int limit, CancellationToken cancellationToken, bool compactAfterRead = false)
    {
        // The stored vectors are read before the model is first loaded, so the two never take their peak memory together.
        _ = Loaded();
        var papers = store.PapersWithoutEmbedding(ModelName, limit);
        if (compactAfterRead && papers.Count > 0)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var done = await EmbedAsync(papers, cancellationToken).ConfigureAwait(false);
        return done.Count;
    }

    /// <summary>
    /// Before a scan over every stored paper: embeds the stragglers when only a few lack a vector (papers of a poll
    /// the background embedder has not reached yet), but leaves a large backlog to the background.
    /// </summary>
    public async Task<int> CatchUpFewAsync(CancellationToken cancellationToken)
    {
        const int Few = 64;
        return CountMissing() is > 0 and <= Few ? await BackfillAsync(Few, cancellationToken).ConfigureAwait(false) : 0;
    }

    /// <summary>Stored papers still without a vector.</summary>
    public int CountMissing()
    {
        if (_missingCount is { } known && _clock.GetElapsedTime(known.At) < MissingCountLifetime)
        {
            return known.Count;
        }

        var count = store.CountWithoutEmbedding(ModelName);
        _missingCount = (count, _clock.GetTimestamp());
        return count;
    }

    /// <summary>The vector of a sentence someone wrote (an <c>about:</c> condition, a search); recent ones are remembered.</summary>
    public async Task<float[]> EmbedSentenceAsync(string sentence, CancellationToken cancellationToken)
    {
        if (_sentences.TryGetValue(sentence, out var known))
        {
            return known;
        }

        var vector = (await embedder.EmbedAsync([sentence], cancellationToken).ConfigureAwait(false))[0];
        if (_sentences.Count >= MaxRememberedSentences)
        {
            _sentences.Clear();
        }

        _sentences[sentence] = vector;
        return vector;
    }

    /// <summary>
    /// How <paramref name="sentence"/> scores papers (<see cref="SentenceScore"/>): its vector, expanded towards its
    /// closest stored papers (<see cref="SentenceExpansion"/>), its closeness to the stored papers and its words weighed
    /// on the search index (<see cref="SentenceWords"/>), measured once and again whenever the
    /// store has grown by a tenth.
    /// </summary>
    public async Task<SentenceScore> ScoreSentenceAsync(string sentence, CancellationToken cancellationToken)
    {
        var matrix = Loaded();
        var vector = await EmbedSentenceAsync(sentence, cancellationToken).ConfigureAwait(false);
        var present = matrix.Count;
        if (_scores.TryGetValue(sentence, out var known) && known.Count * 11 / 10 >= present
            && (known.Count >= SentenceScore.MinBackground || known.Count == present))
        {
            return known.Score;
        }

        var query = vector;
        if (present >= SentenceScore.MinBackground)
        {
            var closest = matrix.Closest(vector, SentenceExpansion.FeedbackPapers, null).Select(c => matrix.Find(c.ArxivId)).OfType<float[]>().ToList();
            query = SentenceExpansion.Expand(vector, closest);
        }

        var (mean, spread, count) = matrix.Background(query);
        var score = SentenceScore.From(query, mean, spread, count, words.WeighWords(sentence));
        if (_scores.Count >= MaxRememberedSentences)
        {
            _scores.Clear();
        }

        _scores[sentence] = (score, count);
        return score;
    }

    /// <summary>
    /// The papers closest to <paramref name="query"/>, closest first, among those <paramref name="include"/> accepts
    /// (all when null): one vectorised dot product per stored vector.
    /// </summary>
    public IReadOnlyList<(string ArxivId, float Closeness)> Closest(float[] query, int top, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Loaded().Closest(query, top, include);
    }

    private async Task<IReadOnlyList<PaperEmbedding>> EmbedAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        if (papers.Count == 0)
        {
            return [];
        }

        var computed = await PaperEmbedder.EmbedAsync(embedder, papers, cancellationToken).ConfigureAwait(false);
        var embeddings = papers.Select((p, i) => new PaperEmbedding(p.ArxivId, ModelName, computed[i])).ToList();
        if (listener is not null)
        {
            try
            {
                await listener.OnComputedAsync(this, papers, embeddings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Not stored, so the background embedder computes them again and the listener gets another go;
                // the caller still gets its vectors.
                LogListenerFailed(ex, papers.Count);
                return embeddings;
            }
        }

        store.SaveEmbeddings(embeddings);
        _missingCount = null;
        var all = Loaded();
        foreach (var embedding in embeddings)
        {
            all.Set(embedding.ArxivId, embedding.Vector);
        }

        return embeddings;
    }

    private VectorMatrix Loaded()
    {
        lock (_gate)
        {
            if (_vectors is null)
            {
                var stored = store.AllEmbeddings(ModelName);
                var matrix = new VectorMatrix(embedder.Dimensions, stored.Count + (stored.Count / 8) + 1024);
                foreach (var embedding in stored)
                {
                    matrix.Set(embedding.ArxivId, embedding.Vector);
                }

                _vectors = matrix;
                LogLoaded(stored.Count, ModelName);
                GiveBackLoadMemory(stored.Count);
            }

            return _vectors;
        }
    }

    /// <summary>
    /// Reading every stored vector once leaves as much garbage as the vectors themselves (the store's documents, one
    /// array per vector): 110 MB of committed memory at 20,000 papers that the GC would keep for later. It is a one-off
    /// at the first use, so one full, compacting collection gives it back to the system at once.
    /// </summary>
    private static void GiveBackLoadMemory(int loaded)
    {
        if (loaded >= 1_000)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work owed to {Count} newly embedded papers failed; their vectors are not stored, so they are embedded and tried again later")]
    private partial void LogListenerFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} stored paper embeddings of {Model}")]
    private partial void LogLoaded(int count, string model);
}
