using System.Diagnostics.CodeAnalysis;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Query;

/// <summary>
/// A channel's topic query: words, "quoted phrases", OR, -word / NOT, parentheses, field prefixes (title:,
/// abstract:, author:, org:, keyword:), upvotes&gt;=N (also &gt;, &lt;=, &lt;, =) and has:code / has:project. Words
/// match whole words, ignoring case and accents, in a paper's title, abstract, authors and keywords; prose is
/// compared by stem (<see cref="EnglishStemmer"/>), names as written. A phrase (or a hyphenated word such as
/// gpt-4) matches consecutive words within one value. NOT binds tighter than AND (juxtaposition), which binds
/// tighter than OR. See <see cref="QueryParser"/> for the grammar.
/// </summary>
public sealed class TopicQuery : IEquatable<TopicQuery>
{
    /// <summary>The longest query accepted, in UTF-16 characters.</summary>
    public const int MaxLength = 500;

    private readonly QueryNode _root;

    private readonly AboutNode[] _about;

    private TopicQuery(QueryNode root, string text)
    {
        _root = root;
        Text = text;
        _about = [.. AboutNodes(root)];
    }

    /// <summary>True when the query has an <c>about:"..."</c> condition, which needs the sentence model.</summary>
    public bool HasAbout => _about.Length > 0;

    /// <summary>The distinct sentences of the query's <c>about:</c> conditions.</summary>
    public IReadOnlyList<string> AboutSentences => [.. _about.Select(a => a.Sentence).Distinct(StringComparer.Ordinal)];

    /// <summary>The closeness of the first <c>about:</c> condition, or null without one.</summary>
    public AboutCloseness? FirstAboutCloseness => _about.Length > 0 ? _about[0].Closeness : null;

    /// <summary>The lowest closeness any <c>about:</c> condition asks for (<see cref="AboutCloseness.Highest"/> without one).</summary>
    public float LoosestAboutThreshold => _about.Length == 0 ? AboutCloseness.Highest : _about.Min(a => a.Threshold);

    /// <summary>True when every match must satisfy an <c>about:</c> condition: the query is one, or ANDs one in.</summary>
    public bool AboutIsRequired => _root is AboutNode || (_root is AndNode and && and.Operands.Any(o => o is AboutNode));

    /// <summary>True when the query is nothing but <c>about:</c> conditions (one, or several ANDed): vectors alone settle it.</summary>
    public bool IsAboutOnly => _root is AboutNode || (_root is AndNode and && and.Operands.All(o => o is AboutNode));

    /// <summary>True once every <c>about:</c> sentence has its vector.</summary>
    public bool IsBound => Array.TrueForAll(_about, a => a.IsBound);

    /// <summary>Gives the <c>about:</c> conditions with this sentence its score (binding again replaces it).</summary>
    public void Bind(string sentence, Semantic.SentenceScore score)
    {
        foreach (var node in _about)
        {
            if (string.Equals(node.Sentence, sentence, StringComparison.Ordinal))
            {
                node.Bind(score);
            }
        }
    }

    private static IEnumerable<AboutNode> AboutNodes(QueryNode node) => node switch
    {
        AboutNode a => [a],
        AndNode and => and.Operands.SelectMany(AboutNodes),
        OrNode or => or.Operands.SelectMany(AboutNodes),
        NotNode not => AboutNodes(not.Operand),
        _ => [],
    };

    /// <summary>
    /// The normalised query: lower-case, accent-free words, upper-case OR, "-" for NOT, single spaces and only
    /// the parentheses precedence needs. Parsing it again gives an equal query.
    /// </summary>
    public string Text { get; }

    internal QueryNode Root => _root;

    public static bool TryParse(string? text, [NotNullWhen(true)] out TopicQuery? query, [NotNullWhen(false)] out QueryError? error)
    {
        try
        {
            query = Parse(text ?? "");
            error = null;
            return true;
        }
        catch (QueryParseException exception)
        {
            query = null;
            error = exception.Error;
            return false;
        }
    }

    /// <exception cref="QueryParseException">The query is malformed; its <c>Error</c> says where and why.</exception>
    public static TopicQuery Parse(string text)
    {
        var root = QueryParser.Parse(text ?? "");
        var normalised = root.Render();

        // Folding can lengthen text ("ﬁ" -> "fi"); Text must itself parse, so it obeys the same limit.
        if (normalised.Length > MaxLength)
        {
            throw new QueryParseException(QueryErrors.TooLong(normalised.Length));
        }

        return new TopicQuery(root, normalised);
    }

    public bool Matches(PaperText paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return _root.Matches(paper);
    }

    public bool Matches(Paper paper) => Matches(PaperText.From(paper));

    public bool Equals(TopicQuery? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TopicQuery);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
