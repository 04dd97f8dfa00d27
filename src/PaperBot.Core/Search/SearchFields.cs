using PaperBot.Core.Query;

namespace PaperBot.Core.Search;

/// <summary>
/// The words of one field of every indexed paper: word (a stem in prose fields, a folded word in names) to the
/// numbers of the papers whose field has it, as <see cref="FieldText"/> reads the field.
/// </summary>
internal sealed class SearchFields
{
    private readonly Dictionary<string, List<int>>[] _postings =
        [.. Enumerable.Range(0, Kinds.Length).Select(_ => new Dictionary<string, List<int>>(StringComparer.Ordinal))];

    /// <summary>The fields in posting order: title, abstract, keywords (stemmed), authors, organization (names).</summary>
    public static readonly FieldSet[] Kinds = [FieldSet.Title, FieldSet.Abstract, FieldSet.Keywords, FieldSet.Authors, FieldSet.Organization];

    public void Add(int field, IEnumerable<string> words, int paper)
    {
        var postings = _postings[field];
        foreach (var word in words)
        {
            if (!postings.TryGetValue(word, out var list))
            {
                postings[word] = list = [];
            }

            // Papers are numbered in the order they are added, so a list stays sorted; a re-added paper repeats.
            if (list.Count == 0 || list[^1] != paper)
            {
                list.Add(paper);
            }
        }
    }

    /// <summary>Marks in <paramref name="bits"/> the papers whose <paramref name="field"/> has <paramref name="word"/>.</summary>
    public void Mark(int field, string word, PaperBits bits)
    {
        if (_postings[field].TryGetValue(word, out var list))
        {
            foreach (var paper in list)
            {
                bits.Add(paper);
            }
        }
    }

    /// <summary>Trims the lists' spare capacity once a build is done.</summary>
    public void Compact()
    {
        foreach (var postings in _postings)
        {
            foreach (var list in postings.Values)
            {
                list.TrimExcess();
            }
        }
    }
}
