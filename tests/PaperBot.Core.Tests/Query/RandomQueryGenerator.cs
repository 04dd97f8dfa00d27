using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

/// <summary>Builds random queries from a fixed seed: well-formed trees with known answers, and random junk.</summary>
internal sealed class RandomQueryGenerator(int seed)
{
    // How a term may be written, and the answer a naive implementation gives for it.
    private static readonly (string Text, Func<Paper, bool> Expected, bool Positive)[] Terms =
    [
        Words("agents", "agents"), Words("AGENTS", "agents"), Words("agent", "agent"), Words("agentic", "agentic"),
        Words("reagent", "reagent"), Words("world", "world"), Words("Model", "model"), Words("models", "models"),
        Words("\"world model\"", "world", "model"), Words("“model world”", "model", "world"), Words("world-models", "world", "models"),
        Words("gpt-4", "gpt", "4"), Words("GPT-4o", "gpt", "4o"), Words("gpt4", "gpt4"), Words("3D", "3d"),
        Words("Müller", "muller"), Words("\"ana silva\"", "ana", "silva"), Words("\"li ana\"", "li", "ana"), Words("núñez", "nunez"),
        Words("survey", "survey"), Words("robotics", "robotics"), Words("diffusion", "diffusion"), Words("chemistry", "chemistry"),
        Words("\"language models\"", "language", "models"), Words("or", "or"), Words("\"OR\"", "or"), Words("\"NOT\"", "not"),
        Words("o'neil", "o", "neil"), Words("benchmark", "benchmark"), Words("video", "video"), Words("zebra", "zebra"),
        Words("reasoning", "reasoning"), Words("learned", "learned"), Words("planning", "planning"), Words("worlds", "worlds"),
        Field("title:planning", FieldSet.Title, "planning"), Field("title:\"world model\"", FieldSet.Title, "world", "model"),
        Field("abstract:agents", FieldSet.Abstract, "agents"), Field("keyword:survey", FieldSet.Keywords, "survey"),
        Field("author:silva", FieldSet.Authors, "silva"), Field("author:\"ana silva\"", FieldSet.Authors, "ana", "silva"),
        Field("author:worlds", FieldSet.Authors, "worlds"), Field("org:openai", FieldSet.Organization, "openai"),
        Field("org:\"meta ai\"", FieldSet.Organization, "meta", "ai"), Field("ORG:université", FieldSet.Organization, "universite"),
        ("upvotes>=100", paper => paper.Upvotes >= 100, true), ("upvotes>10", paper => paper.Upvotes > 10, true),
        ("upvotes=10", paper => paper.Upvotes == 10, true), ("upvotes<=10", paper => paper.Upvotes <= 10, false),
        ("upvotes<45", paper => paper.Upvotes < 45, false), ("has:code", paper => paper.GithubRepo is not null, false),
        ("has:project", paper => paper.ProjectPage is not null, false),
    ];

    private static readonly string[] Junk =
    [
        "agents", "World", "\"world model\"", "gpt-4", "Müller", "or", "OR", "AND", "NOT", "-", "--", "(", ")", "\"",
        "“", "”", " ", "  ", "-survey", ":", "+", "title:foo", "x", "é", "\uD800", "ﬁ", "\t", "-(", "()", "\"\"",
        "title:", "titel:x", "author:\"", "has:", "has:code", "upvotes", ">=", "upvotes>=", "upvotes<3", "=", "10", "org:",
    ];

    private readonly Random _random = new(seed);

    public GeneratedQuery Next(int depth)
    {
        var roll = depth == 0 ? 0 : _random.Next(10);
        return roll switch
        {
            < 3 => Term(),
            < 5 => Not(depth),
            < 8 => Combine(depth, GeneratedShape.And),
            _ => Combine(depth, GeneratedShape.Or),
        };
    }

    public Paper NextPaper(int index)
    {
        // Papers assembled from the sample papers' parts, so random queries hit and miss in every field.
        Paper Any() => SamplePapers.All[_random.Next(SamplePapers.All.Count)];
        return new Paper
        {
            ArxivId = $"r{index}",
            Title = Any().Title,
            Abstract = _random.Next(2) == 0 ? Any().Abstract : $"{Any().Title}. {Any().Abstract}",
            Authors = [.. Any().Authors, .. Any().Authors.Take(_random.Next(2))],
            Organization = Any().Organization,
            Keywords = [.. Any().Keywords],
            Upvotes = _random.Next(3) == 0 ? _random.Next(200) : Any().Upvotes,
            GithubRepo = Any().GithubRepo,
            ProjectPage = Any().ProjectPage,
        };
    }

    public string NextJunk()
    {
        var count = _random.Next(0, 16);
        var parts = Enumerable.Range(0, count).Select(_ => Junk[_random.Next(Junk.Length)]);
        return string.Join(_random.Next(3) == 0 ? "" : " ", parts);
    }

    private GeneratedQuery Term()
    {
        var (text, expected, positive) = Terms[_random.Next(Terms.Length)];
        return new(text, expected, positive, GeneratedShape.Term);
    }

    private static (string, Func<Paper, bool>, bool) Words(string text, params string[] words) =>
        (text, paper => ReferenceMatcher.Contains(paper, words), true);

    private static (string, Func<Paper, bool>, bool) Field(string text, FieldSet fields, params string[] words) =>
        (text, paper => ReferenceMatcher.Contains(paper, words, fields), true);

    private GeneratedQuery Not(int depth)
    {
        var operand = Next(depth - 1);
        if (operand.Shape == GeneratedShape.Not)
        {
            // "-(-x)" cancels out in the parser; keep the generator's NeedsWord simple by not producing it.
            operand = Term();
        }

        var body = operand.Shape == GeneratedShape.Term && _random.Next(2) == 0 ? operand.Text : $"({operand.Text})";
        var text = _random.Next(2) == 0 ? $"-{body}" : $"NOT {body}";
        return new(text, paper => !operand.Expected(paper), false, GeneratedShape.Not);
    }

    private GeneratedQuery Combine(int depth, GeneratedShape shape)
    {
        var operands = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Next(depth - 1)).ToArray();
        var texts = operands.Select(operand =>
            (shape == GeneratedShape.And && operand.Shape == GeneratedShape.Or) || _random.Next(5) == 0
                ? $"({operand.Text})"
                : operand.Text);
        var separator = shape == GeneratedShape.Or ? " OR " : _random.Next(3) == 0 ? " AND " : " ";
        var text = string.Join(separator, texts);
        return shape == GeneratedShape.Or
            ? new(text, paper => operands.Any(o => o.Expected(paper)), operands.All(o => o.NeedsWord), shape)
            : new(text, paper => operands.All(o => o.Expected(paper)), operands.Any(o => o.NeedsWord), shape);
    }
}
