using PaperBot.Core.Papers;

namespace PaperBot.Core.Query;

/// <summary>
/// The searchable words of one paper, folded, split and stemmed once so that every subscription's query can
/// be matched against it without re-reading the text.
/// </summary>
public sealed class PaperText
{
    private readonly FieldText title;
    private readonly FieldText @abstract;
    private readonly FieldText keywords;
    private readonly FieldText authors;
    private readonly FieldText organization;
    private readonly HashSet<string> stems;
    private readonly HashSet<string> names;

    private PaperText(Paper paper)
    {
        title = FieldText.From([paper.Title], stemmed: true);
        @abstract = FieldText.From([paper.Abstract], stemmed: true);
        keywords = FieldText.From(paper.Keywords, stemmed: true);
        authors = FieldText.From(paper.Authors, stemmed: false);
        organization = FieldText.From([paper.Organization], stemmed: false);
        stems = new HashSet<string>(title.Words, StringComparer.Ordinal);
        stems.UnionWith(@abstract.Words);
        stems.UnionWith(keywords.Words);
        names = new HashSet<string>(authors.Words, StringComparer.Ordinal);
        names.UnionWith(organization.Words);
        Upvotes = paper.Upvotes;
        HasCode = !string.IsNullOrWhiteSpace(paper.GithubRepo);
        HasProject = !string.IsNullOrWhiteSpace(paper.ProjectPage);
    }

    /// <summary>The stems of the title, abstract and keywords: what the subscription index looks words up by.</summary>
    internal IReadOnlySet<string> Stems => stems;

    /// <summary>The folded words of the authors and organization.</summary>
    internal IReadOnlySet<string> Names => names;

    /// <summary>The folded words of the authors alone (an unprefixed word searches authors, not the organization).</summary>
    internal IEnumerable<string> AuthorWords => authors.Words;

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
        if ((fields & FieldSet.Stemmed) != 0 && AllIn(term.Stems, stems))
        {
            if (term.Stems.Length == 1 && (fields & FieldSet.Stemmed) == FieldSet.Stemmed)
            {
                return true;
            }

            if (((fields & FieldSet.Title) != 0 && title.Contains(term.Stems))
                || ((fields & FieldSet.Abstract) != 0 && @abstract.Contains(term.Stems))
                || ((fields & FieldSet.Keywords) != 0 && keywords.Contains(term.Stems)))
            {
                return true;
            }
        }

        return (fields & FieldSet.Names) != 0 && AllIn(term.Words, names)
            && (((fields & FieldSet.Authors) != 0 && authors.Contains(term.Words))
                || ((fields & FieldSet.Organization) != 0 && organization.Contains(term.Words)));
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
