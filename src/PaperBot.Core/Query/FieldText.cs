namespace PaperBot.Core.Query;

/// <summary>
/// The words of one paper field. A field may hold several values (one per author or keyword); a phrase
/// must match inside one value, so "world model" never spans the end of one author and the next. Prose fields
/// hold stems (<see cref="EnglishStemmer"/>), name fields the folded words as written.
/// </summary>
internal sealed class FieldText
{
    private readonly string[][] _values;

    // Where each word occurs (value, index), so a phrase is checked only where its first word stands rather
    // than by scanning a 250-word abstract; this is what keeps matching thousands of phrases per paper cheap.
    private readonly Dictionary<string, List<(int Value, int Index)>> _occurrences;

    private FieldText(string[][] values, Dictionary<string, List<(int Value, int Index)>> occurrences)
    {
        _values = values;
        _occurrences = occurrences;
    }

    public IEnumerable<string> Words => _occurrences.Keys;

    public static FieldText From(IEnumerable<string?> values, bool stemmed)
    {
        var tokenised = values.Select(WordTokenizer.Tokenize).Where(value => value.Length > 0).ToArray();
        var occurrences = new Dictionary<string, List<(int Value, int Index)>>(StringComparer.Ordinal);
        for (var v = 0; v < tokenised.Length; v++)
        {
            var value = tokenised[v];
            for (var i = 0; i < value.Length; i++)
            {
                if (stemmed)
                {
                    value[i] = EnglishStemmer.Stem(value[i]);
                }

                if (!occurrences.TryGetValue(value[i], out var list))
                {
                    occurrences[value[i]] = list = new List<(int Value, int Index)>(1);
                }

                list.Add((v, i));
            }
        }

        return new FieldText(tokenised, occurrences);
    }

    /// <summary>True when <paramref name="phrase"/> occurs as consecutive words of one value.</summary>
    public bool Contains(string[] phrase)
    {
        if (!_occurrences.TryGetValue(phrase[0], out var starts))
        {
            return false;
        }

        if (phrase.Length == 1)
        {
            return true;
        }

        for (var s = 0; s < starts.Count; s++)
        {
            var (v, start) = starts[s];
            var value = _values[v];
            if (start + phrase.Length > value.Length)
            {
                continue;
            }

            var matched = 1;
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
