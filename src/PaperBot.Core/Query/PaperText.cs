using PaperBot.Core.Papers;

namespace PaperBot.Core.Query;

/// <summary>
/// The searchable words of one paper, folded and split once so that every subscription's query can be
/// matched against it without re-reading the text.
/// </summary>
public sealed class PaperText
{
    private readonly FieldText title;
    private readonly FieldText @abstract;
    private readonly FieldText authors;
    private readonly FieldText keywords;
    private readonly HashSet<string> allWords;

    private PaperText(FieldText title, FieldText @abstract, FieldText authors, FieldText keywords)
    {
        this.title = title;
        this.@abstract = @abstract;
        this.authors = authors;
        this.keywords = keywords;
        allWords = new HashSet<string>(title.Words, StringComparer.Ordinal);
        allWords.UnionWith(@abstract.Words);
        allWords.UnionWith(authors.Words);
        allWords.UnionWith(keywords.Words);
    }

    public static PaperText From(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return new PaperText(
            FieldText.From([paper.Title]),
            FieldText.From([paper.Abstract]),
            FieldText.From(paper.Authors),
            FieldText.From(paper.Keywords));
    }

    /// <summary>True when <paramref name="phrase"/> occurs as consecutive words in one value of one of <paramref name="fields"/>.</summary>
    internal bool Contains(string[] phrase, FieldSet fields)
    {
        // Most papers lack most query words; one lookup per word settles those before any scanning.
        foreach (var word in phrase)
        {
            if (!allWords.Contains(word))
            {
                return false;
            }
        }

        if (phrase.Length == 1 && fields == FieldSet.All)
        {
            return true;
        }

        return ((fields & FieldSet.Title) != 0 && title.Contains(phrase))
            || ((fields & FieldSet.Abstract) != 0 && @abstract.Contains(phrase))
            || ((fields & FieldSet.Authors) != 0 && authors.Contains(phrase))
            || ((fields & FieldSet.Keywords) != 0 && keywords.Contains(phrase));
    }
}
