using System.Text;

namespace PaperBot.Core.Query;

/// <summary>A node of a parsed topic query; the tree is already normalised (flat, deduplicated).</summary>
internal abstract class QueryNode(int column)
{
    /// <summary>1-based column where the node starts in the text it was parsed from, for error messages.</summary>
    public int Column { get; } = column;

    /// <summary>
    /// True when a paper can only match by containing some word or reaching an upvote threshold. A query
    /// lacking this (only exclusions, <c>has:</c> filters or upvote ceilings) would match most papers, so such
    /// queries are refused.
    /// </summary>
    public abstract bool IsPositive { get; }

    public abstract bool Matches(PaperText paper);

    /// <summary>Appends the canonical text: lower-case words, upper-case operators, minimal parentheses.</summary>
    public abstract void Render(StringBuilder text);

    public string Render()
    {
        var text = new StringBuilder();
        Render(text);
        return text.ToString();
    }

    /// <summary>
    /// Flattens nested nodes of the same operator (AND and OR are associative) and drops repeats, so that
    /// equivalent spellings render to the same text.
    /// </summary>
    protected static QueryNode[] Flatten<T>(IEnumerable<QueryNode> parts, Func<T, IReadOnlyList<QueryNode>> operandsOf)
        where T : QueryNode
    {
        var flat = new List<QueryNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var operands = part is T same ? operandsOf(same) : [part];
            foreach (var operand in operands)
            {
                if (seen.Add(operand.Render()))
                {
                    flat.Add(operand);
                }
            }
        }

        return [.. flat];
    }
}
