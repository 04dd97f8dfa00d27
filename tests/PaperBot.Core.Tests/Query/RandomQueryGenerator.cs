using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Query;

/// <summary>Builds random queries from a fixed seed: well-formed trees with known answers, and random junk.</summary>
internal sealed class RandomQueryGenerator(int seed)
{
    // How a term may be written, and the folded words the reference matcher should look for.
    private static readonly (string Text, string[] Words)[] Terms =
    [
        ("agents", ["agents"]), ("AGENTS", ["agents"]), ("agent", ["agent"]), ("agentic", ["agentic"]),
        ("reagent", ["reagent"]), ("world", ["world"]), ("Model", ["model"]), ("models", ["models"]),
        ("\"world model\"", ["world", "model"]), ("“model world”", ["model", "world"]), ("world-models", ["world", "models"]),
        ("gpt-4", ["gpt", "4"]), ("GPT-4o", ["gpt", "4o"]), ("gpt4", ["gpt4"]), ("3D", ["3d"]),
        ("Müller", ["muller"]), ("\"ana silva\"", ["ana", "silva"]), ("\"li ana\"", ["li", "ana"]), ("núñez", ["nunez"]),
        ("survey", ["survey"]), ("robotics", ["robotics"]), ("diffusion", ["diffusion"]), ("chemistry", ["chemistry"]),
        ("\"language models\"", ["language", "models"]), ("or", ["or"]), ("\"OR\"", ["or"]), ("\"NOT\"", ["not"]),
        ("o'neil", ["o", "neil"]), ("benchmark", ["benchmark"]), ("video", ["video"]), ("zebra", ["zebra"]),
        ("title:planning", ["title", "planning"]), ("planning", ["planning"]),
    ];

    private static readonly string[] Junk =
    [
        "agents", "World", "\"world model\"", "gpt-4", "Müller", "or", "OR", "AND", "NOT", "-", "--", "(", ")", "\"",
        "“", "”", " ", "  ", "-survey", ":", "+", "title:foo", "x", "é", "\uD800", "ﬁ", "\t", "-(", "()", "\"\"",
    ];

    private readonly Random random = new(seed);

    public GeneratedQuery Next(int depth)
    {
        var roll = depth == 0 ? 0 : random.Next(10);
        return roll switch
        {
            < 3 => Term(),
            < 5 => Not(depth),
            < 8 => Combine(depth, GeneratedShape.And),
            _ => Combine(depth, GeneratedShape.Or),
        };
    }

    public string NextJunk()
    {
        var count = random.Next(0, 16);
        var parts = Enumerable.Range(0, count).Select(_ => Junk[random.Next(Junk.Length)]);
        return string.Join(random.Next(3) == 0 ? "" : " ", parts);
    }

    private GeneratedQuery Term()
    {
        var (text, words) = Terms[random.Next(Terms.Length)];
        return new(text, paper => ReferenceMatcher.Contains(paper, words), true, GeneratedShape.Term);
    }

    private GeneratedQuery Not(int depth)
    {
        var operand = Next(depth - 1);
        if (operand.Shape == GeneratedShape.Not)
        {
            // "-(-x)" cancels out in the parser; keep the generator's NeedsWord simple by not producing it.
            operand = Term();
        }

        var body = operand.Shape == GeneratedShape.Term && random.Next(2) == 0 ? operand.Text : $"({operand.Text})";
        var text = random.Next(2) == 0 ? $"-{body}" : $"NOT {body}";
        return new(text, paper => !operand.Expected(paper), false, GeneratedShape.Not);
    }

    private GeneratedQuery Combine(int depth, GeneratedShape shape)
    {
        var operands = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Next(depth - 1)).ToArray();
        var texts = operands.Select(operand =>
            (shape == GeneratedShape.And && operand.Shape == GeneratedShape.Or) || random.Next(5) == 0
                ? $"({operand.Text})"
                : operand.Text);
        var separator = shape == GeneratedShape.Or ? " OR " : random.Next(3) == 0 ? " AND " : " ";
        var text = string.Join(separator, texts);
        return shape == GeneratedShape.Or
            ? new(text, paper => operands.Any(o => o.Expected(paper)), operands.All(o => o.NeedsWord), shape)
            : new(text, paper => operands.All(o => o.Expected(paper)), operands.Any(o => o.NeedsWord), shape);
    }
}
