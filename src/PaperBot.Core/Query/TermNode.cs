using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// A word or quoted phrase, optionally with a field prefix: folded words that must occur consecutively in one
/// value of one of <see cref="Fields"/>, compared by stem in prose fields and as written in names. A hyphenated
/// word ("gpt-4") is the same thing as a phrase of its words.
/// </summary>
internal sealed class TermNode : QueryNode
{
    // The canonical separator before each word after the first: '-' or '.' when the query used exactly that
    // (so "gpt-4.5" keeps its look), otherwise '-' in a bare word and ' ' in a phrase.
    private readonly string _separators;
    private readonly bool _prefixed;

    private TermNode(string[] words, string separators, FieldSet fields, bool prefixed, int column)
        : base(column)
    {
        Words = words;
        Stems = Array.ConvertAll(words, EnglishStemmer.Stem);
        _separators = separators;
        _prefixed = prefixed;
        Fields = fields;
    }

    /// <summary>The folded words as the user wrote them: matched against names, and rendered.</summary>
    public string[] Words { get; }

    /// <summary>The stems of <see cref="Words"/>: matched against the title, abstract and keywords.</summary>
    public string[] Stems { get; }

    public FieldSet Fields { get; }

    public override bool IsPositive => true;

    /// <summary>
    /// Builds a term from query text, or returns null when the text has no letters or digits.
    /// <paramref name="prefix"/> is the field it was written with, or null for an unprefixed term.
    /// </summary>
    public static TermNode? Create(string raw, bool phrase, FieldSet? prefix, int column)
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

        return new TermNode(words, separators.ToString(), prefix ?? FieldSet.Default, prefix is not null, column);
    }

    public override bool Matches(PaperText paper) => paper.Contains(this);

    public override void Render(StringBuilder text)
    {
        if (_prefixed)
        {
            text.Append(FieldPrefixes.NameOf(Fields)).Append(':');
        }

        // Words joined only by '-' or '.' read as one word; a space needs quotes to stay a phrase.
        var quoted = _separators.Contains(' ', StringComparison.Ordinal);
        if (quoted)
        {
            text.Append('"');
        }

        for (var i = 0; i < Words.Length; i++)
        {
            if (i > 0)
            {
                text.Append(_separators[i - 1]);
            }

            text.Append(Words[i]);
        }

        if (quoted)
        {
            text.Append('"');
        }
    }
}
