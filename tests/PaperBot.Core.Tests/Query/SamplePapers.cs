using System.Globalization;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Query;

/// <summary>
/// Hand-made papers, each there for a reason: look-alike words (agentic, reagent), phrases in both orders,
/// words that sit next to each other only across a field or author boundary, GPT-4 vs GPT-4o, accents, and
/// upvotes, organizations, code and project pages for the field conditions.
/// The ids stand in for arXiv ids so expectations read as short lists.
/// </summary>
internal static class SamplePapers
{
    // Upvotes, organization, code and project page per paper, in the order of All.
    private static readonly (int Upvotes, string? Organization, bool Code, bool Project)[] Extras =
    [
        (120, "Google DeepMind", true, true), (8, "Tsinghua University", false, false), (45, null, true, false),
        (0, "OpenAI", false, true), (10, null, true, false), (300, "Meta AI", true, true), (2, null, false, false),
        (11, "Université Paris-Saclay", false, false),
    ];

    public static readonly IReadOnlyList<Paper> All =
    [
        Make("p1", "Scaling LLM Agents with Learned World Models",
            "We train agents inside a world model and compare them against GPT-4 baselines. Results hold in 3D environments.",
            ["Jürgen Müller", "Ana Silva"], ["world models", "reinforcement learning"]),
        Make("p2", "A Survey of Agentic Reasoning",
            "This survey reviews agentic systems, from tool use to reagent discovery pipelines.",
            ["Wei Li", "Ana Silva"], ["survey", "agentic AI"]),
        Make("p3", "Robotics Foundation Models for Dexterous Manipulation",
            "Our policy treats the model world as a simulator and learns dexterous skills.",
            ["Sara O'Neil"], ["robotics", "manipulation"]),
        Make("p4", "Planning in an Open World",
            "Model-based planning with sparse rewards.",
            ["Anna World", "Model Smith"], ["planning"]),
        Make("p5", "Evaluating GPT-4o on 3D Scene Understanding",
            "We benchmark GPT-4o and GPT4 on point clouds.",
            ["José Núñez"], ["3D vision", "multimodal LLM"]),
        Make("p6", "Video Diffusion Transformers",
            "We generate video or images with one diffusion transformer.",
            ["Mei Chen"], ["diffusion", "video generation"]),
        Make("p7", "Reagent Discovery with Language Models", "", ["Ravi Kumar"], ["chemistry"]),
        Make("p8", "CAFÉ: A Benchmark for Multilingual Agents",
            "Agents answer questions in French and Portuguese.",
            ["François Dubois"], ["benchmark", "agents"]),
    ];

    public static readonly IReadOnlyList<PaperBot.Core.Query.PaperText> Texts =
        [.. All.Select(PaperBot.Core.Query.PaperText.From)];

    /// <summary>The ids of the sample papers <paramref name="matches"/> accepts, space-separated, in order.</summary>
    public static string MatchingIds(Func<int, bool> matches) =>
        string.Join(' ', Enumerable.Range(0, All.Count).Where(matches).Select(i => All[i].ArxivId));

    private static Paper Make(string id, string title, string @abstract, string[] authors, string[] keywords)
    {
        var (upvotes, organization, code, project) = Extras[int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture) - 1];
        return new()
        {
            ArxivId = id,
            Title = title,
            Abstract = @abstract,
            Authors = authors,
            Keywords = keywords,
            Upvotes = upvotes,
            Organization = organization,
            GithubRepo = code ? $"https://github.com/example/{id}" : null,
            ProjectPage = project ? $"https://example.org/{id}" : null,
        };
    }
}
