using Microsoft.Extensions.Options;
using PaperBot.Core.Semantic;

namespace PaperBot.Semantic;

/// <summary>
/// all-MiniLM-L6-v2, loaded on the first call (not at start-up), run on one batch at a time: texts are sorted by
/// length and cut into batches of <see cref="SemanticOptions.BatchSize"/>, so padding and memory stay small.
/// </summary>
public sealed class MiniLmEmbedder(IOptions<SemanticOptions> options) : ITextEmbedder, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MiniLmModel? _model;

    public int Dimensions => MiniLmModel.Dimensions;

    public string ModelName => "all-MiniLM-L6-v2";

    /// <summary>How long loading took, or null while the model is not loaded.</summary>
    public TimeSpan? LoadTime => _model?.LoadTime;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        if (texts.Count == 0)
        {
            return vectors;
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var batchSize = options.Value.BatchSize;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();

            // One batch holds the gate, so a command's one-sentence query waits for at most one batch of a backfill.
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await Task.Run(() => Model().Embed([.. batch.Select(i => texts[i])]), cancellationToken).ConfigureAwait(false);
                NativeMemory.Trim();
                for (var k = 0; k < batch.Length; k++)
                {
                    vectors[batch[k]] = result[k];
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return vectors;
    }

    private MiniLmModel Model() => _model ??= MiniLmModel.Load(options.Value);

    public void Dispose()
    {
        _model?.Dispose();
        _gate.Dispose();
    }
}
