using PaperBot.Core.Semantic;

namespace PaperBot.Core.Search;

public sealed partial class PaperSearchIndex
{
    // The prose fields, as PaperText.Stems reads a paper: title, abstract, keywords (SearchFields.Kinds).
    private static readonly int[] ProseFields = [0, 1, 2];

    /// <summary>
    /// The evidence of an about: sentence's words over every indexed paper (<see cref="SentenceWords"/>): how many
    /// papers hold each of its content stems in their title, abstract or keywords.
    /// </summary>
    public SentenceWords WeighWords(string sentence)
    {
        var stems = SentenceWords.ContentStems(sentence);
        EnsureBuilt();
        _lock.EnterReadLock();
        try
        {
            var frequencies = stems.Select(stem => Holding(stem).Count()).ToArray();
            return SentenceWords.From(stems, frequencies, _numbers.Count);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>For each of <paramref name="arxivIds"/>, the share of the sentence's word weight the paper holds (0 for a paper not indexed).</summary>
    public float[] WordShares(SentenceWords words, IReadOnlyList<string> arxivIds)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(arxivIds);
        EnsureBuilt();
        _lock.EnterReadLock();
        try
        {
            return SharesOf(words, [.. arxivIds.Select(id => _numbers.TryGetValue(id, out var number) ? number : -1)]);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // Under the read lock: the shares of the papers numbered so (-1: not indexed).
    private float[] SharesOf(SentenceWords words, int[] numbers)
    {
        var shares = new float[numbers.Length];
        for (var k = 0; k < words.Stems.Count; k++)
        {
            var holding = Holding(words.Stems[k]);
            for (var i = 0; i < numbers.Length; i++)
            {
                shares[i] += numbers[i] >= 0 && holding.Contains(numbers[i]) ? words.Weights[k] : 0;
            }
        }

        return shares;
    }

    private PaperBits Holding(string stem)
    {
        var bits = new PaperBits(_state.Capacity);
        foreach (var field in ProseFields)
        {
            _fields.Mark(field, stem, bits);
        }

        return bits;
    }
}
