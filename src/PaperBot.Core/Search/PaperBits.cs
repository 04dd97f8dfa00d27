using System.Numerics;

namespace PaperBot.Core.Search;

/// <summary>A set of paper numbers of the search index as a bit set; <see cref="Exact"/> false: a superset to verify.</summary>
internal sealed class PaperBits(int count)
{
    public ulong[] Words { get; } = new ulong[(count + 63) >> 6];

    public bool Exact { get; set; } = true;

    public void Add(int paper) => Words[paper >> 6] |= 1UL << paper;

    public bool Contains(int paper) => (Words[paper >> 6] & (1UL << paper)) != 0;

    public void And(PaperBits other)
    {
        for (var i = 0; i < Words.Length; i++)
        {
            Words[i] &= other.Words[i];
        }

        Exact &= other.Exact;
    }

    public void Or(PaperBits other)
    {
        for (var i = 0; i < Words.Length; i++)
        {
            Words[i] |= other.Words[i];
        }

        Exact &= other.Exact;
    }

    /// <summary>Every paper of <paramref name="all"/> not in this set.</summary>
    public void Complement(PaperBits all)
    {
        for (var i = 0; i < Words.Length; i++)
        {
            Words[i] = ~Words[i] & all.Words[i];
        }
    }

    public void CopyFrom(PaperBits other)
    {
        Array.Copy(other.Words, Words, Words.Length);
        Exact = other.Exact;
    }

    public int Count()
    {
        var total = 0;
        foreach (var word in Words)
        {
            total += BitOperations.PopCount(word);
        }

        return total;
    }

    public IEnumerable<int> Members()
    {
        for (var w = 0; w < Words.Length; w++)
        {
            var bits = Words[w];
            while (bits != 0)
            {
                yield return (w << 6) | BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }
}
