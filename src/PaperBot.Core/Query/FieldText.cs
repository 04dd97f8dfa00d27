namespace PaperBot.Core.Query;

/// <summary>
/// The words of one paper field. A field may hold several values (one per author or keyword); a phrase
/// must match inside one value, so "world model" never spans the end of one author and the next.
/// </summary>
internal sealed class FieldText
{
    private readonly string[][] values;
    private readonly HashSet<string> words;

    private FieldText(string[][] values, HashSet<string> words)
    {
        this.values = values;
        this.words = words;
    }

    public IReadOnlySet<string> Words => words;

    public static FieldText From(IEnumerable<string?> values)
    {
        var tokenised = values.Select(WordTokenizer.Tokenize).Where(value => value.Length > 0).ToArray();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in tokenised)
        {
            words.UnionWith(value);
        }

        return new FieldText(tokenised, words);
    }

    /// <summary>True when <paramref name="phrase"/> occurs as consecutive words of one value.</summary>
    public bool Contains(string[] phrase)
    {
        foreach (var word in phrase)
        {
            if (!words.Contains(word))
            {
                return false;
            }
        }

        if (phrase.Length == 1)
        {
            return true;
        }

        foreach (var value in values)
        {
            if (ContainsRun(value, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsRun(string[] value, string[] phrase)
    {
        for (var start = 0; start <= value.Length - phrase.Length; start++)
        {
            var matched = 0;
            while (matched < phrase.Length && string.Equals(value[start + matched], phrase[matched], StringComparison.Ordinal))
            {
                matched++;
            }

            if (matched == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }
}
