using PaperBot.Core.Papers;

namespace PaperBot.Core.Query;

/// <summary>
/// The searchable words of one paper, folded, split and stemmed once so that every subscription's query can
/// be matched against it without re-reading the text.
/// </summary>
public sealed class PaperText
{
    private readonly FieldText _title;
    private readonly FieldText _abstract;
    private readonly FieldText _keywords;
    private readonly FieldText _authors;
    private readonly FieldText _organization;
    private readonly HashSet<string> _stems;
    private readonly HashSet<string> _names;

    private PaperText(Paper paper)
    {
        _title = FieldText.From([paper.Title], stemmed: true);
        _abstract = FieldText.From([paper.Abstract], stemmed: true);
        _keywords = FieldText.From(paper.Keywords, stemmed: true);
        _authors = FieldText.From(paper.Authors, stemmed: false);
        _organization = FieldText.From([paper.Organization], stemmed: false);
        _stems = new HashSet<string>(_title.Words, StringComparer.Ordinal);
        _stems.UnionWith(_abstract.Words);
        _stems.UnionWith(_keywords.Words);
        _names = new HashSet<string>(_authors.Words, StringComparer.Ordinal);
        _names.UnionWith(_organization.Words);
        Upvotes = paper.Upvotes;
        HasCode = !string.IsNullOrWhiteSpace(paper.GithubRepo);
        HasProject = !string.IsNullOrWhiteSpace(paper.ProjectPage);
    }

    /// <summary>The stems of the title, abstract and keywords: what the subscription index looks words up by.</summary>
    internal IReadOnlySet<string> Stems => _stems;

    /// <summary>The folded words of the authors and organization.</summary>
    internal IReadOnlySet<string> Names => _names;

    /// <summary>The folded words of the authors alone (an unprefixed word searches authors, not the organization).</summary>
    internal IEnumerable<string> AuthorWords => _authors.Words;

    internal int Upvotes { get; }

    internal bool HasCode { get; }

    internal bool HasProject { get; }

    public static PaperText From(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return new PaperText(paper);
    }

    /// <summary>The paper's words and its meaning vector, for queries with an <c>about:</c> condition.</summary>
    public static PaperText From(Paper paper, float[]? vector)
    {
        var text = From(paper);
        text.Vector = vector;
        return text;
    }

    /// <summary>The unit vector of the paper's title and abstract, when known; <c>about:</c> needs it.</summary>
    internal float[]? Vector { get; private set; }

    /// <summary>True when the term's words occur consecutively in one value of one of its fields.</summary>
    internal bool Contains(TermNode term)
    {
        var fields = term.Fields;

        // Most papers lack most query words; one lookup per word settles those before any scanning.
        if ((fields & FieldSet.Stemmed) != 0 && AllIn(term.Stems, _stems))
        {
            if (term.Stems.Length == 1 && (fields & FieldSet.Stemmed) == FieldSet.Stemmed)
            {
                return true;
            }

            if (((fields & FieldSet.Title) != 0 && _title.Contains(term.Stems))
                || ((fields & FieldSet.Abstract) != 0 && _abstract.Contains(term.Stems))
                || ((fields & FieldSet.Keywords) != 0 && _keywords.Contains(term.Stems)))
            {
                return true;
            }
        }

        return (fields & FieldSet.Names) != 0 && AllIn(term.Words, _names)
            && (((fields & FieldSet.Authors) != 0 && _authors.Contains(term.Words))
                || ((fields & FieldSet.Organization) != 0 && _organization.Contains(term.Words)));
    }

    private static bool AllIn(string[] words, HashSet<string> set)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!set.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }
}
