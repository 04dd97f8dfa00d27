using System.ComponentModel.DataAnnotations;

namespace PaperBot.Semantic;

/// <summary>Settings of section <c>Semantic</c>: the sentence model and the background embedder.</summary>
public sealed record SemanticOptions
{
    public const string SectionName = "Semantic";

    /// <summary>Tokens of a paper the model reads (title first); all-MiniLM-L6-v2 was trained on 256.</summary>
    [Range(16, 512, ErrorMessage = "Semantic:MaxTokens must be between 16 and 512 (256 is what the model was trained on).")]
    public int MaxTokens { get; init; } = 256;

    /// <summary>Texts run through the model at once; memory grows with it.</summary>
    [Range(1, 64, ErrorMessage = "Semantic:BatchSize must be between 1 and 64 (4 keeps the bot under about 400 MB at 20,000 papers; larger batches cost more).")]
    public int BatchSize { get; init; } = 4;

    /// <summary>Threads ONNX Runtime uses inside one batch; 0 means one per core.</summary>
    [Range(0, 64, ErrorMessage = "Semantic:Threads must be between 0 (one per core) and 64.")]
    public int Threads { get; init; }

    /// <summary>
    /// Folder the model file is unpacked into on first use (about 90 MB), so the session is read from a file
    /// rather than from a managed copy. Empty means a folder under the system's temporary directory.
    /// </summary>
    public string ModelDirectory { get; init; } = "";

    /// <summary>How often the background embedder looks for papers without an embedding.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Semantic:EmbedInterval must be between 00:00:01 and 1.00:00:00, e.g. 00:00:30.")]
    public TimeSpan EmbedInterval { get; init; } = TimeSpan.FromSeconds(30);
}
