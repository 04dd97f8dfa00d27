using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// A word or quoted phrase: folded words that must occur consecutively in one value of one of
/// <see cref="Fields"/>. A hyphenated word ("gpt-4") is the same thing as a phrase of its words.
/// </summary>
internal sealed class TermNode : QueryNode
{
    private readonly string[] words;

    // The canonical separator before each word after the first: '-' or '.' when the query used exactly that
    // (so "gpt-4.5" keeps its look), otherwise '-' in a bare word and ' ' in a phrase.
    private readonly string separators;

    private TermNode(string[] words, string separators, FieldSet fields, int column)
        : base(column)
    {
        this.words = words;
        this.separators = separators;
        Fields = fields;
    }

    public IReadOnlyList<string> Words => words;

    public FieldSet Fields { get; }

    public override bool NeedsWord => true;

    /// <summary>Builds a term from query text, or returns null when the text has no letters or digits.</summary>
    public static TermNode? Create(string raw, bool phrase, FieldSet fields, int column)
    {
        var folded = TextFolding.Fold(raw);
        var ranges = new List<Range>();
        WordTokenizer.Split(folded, ranges);
        if (ranges.Count == 0)
        {
            return null;
        }

        var words = new string[ranges.Count];
        var separators = new StringBuilder(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            words[i] = folded[ranges[i]];
            if (i > 0)
            {
                var gap = folded.AsSpan(ranges[i - 1].End.Value, ranges[i].Start.Value - ranges[i - 1].End.Value);
                separators.Append(gap is "-" or "." ? gap[0] : phrase ? ' ' : '-');
            }
        }

        return new TermNode(words, separators.ToString(), fields, column);
    }

    public override bool Matches(PaperText paper) => paper.Contains(words, Fields);

    public override void Render(StringBuilder text)
    {
        // Words joined only by '-' or '.' read as one word; a space needs quotes to stay a phrase.
        var quoted = separators.Contains(' ', StringComparison.Ordinal);
        if (quoted)
        {
            text.Append('"');
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                text.Append(separators[i - 1]);
            }

            text.Append(words[i]);
        }

        if (quoted)
        {
            text.Append('"');
        }
    }
}
