using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// The inverted lists of a <see cref="SubscriptionIndex"/>: query ids filed by stem, by name word and by upvote
/// floor, plus the queries without anchors.
/// </summary>
internal sealed class IndexPostings
{
    private readonly Dictionary<string, int[]> _stems;
    private readonly Dictionary<string, int[]> _names;

    // Sorted by floor, so a paper stops reading at the first floor above its upvotes.
    private readonly int[] _floors;
    private readonly int[] _floorQueries;

    private IndexPostings(Dictionary<string, int[]> stems, Dictionary<string, int[]> names, int[] floors, int[] floorQueries, int[] unanchored)
    {
        _stems = stems;
        _names = names;
        _floors = floors;
        _floorQueries = floorQueries;
        Unanchored = unanchored;
    }

    public int[] Unanchored { get; }

    /// <summary>The upvote floors, ascending, and the query filed under each.</summary>
    public ReadOnlySpan<int> Floors => _floors;

    public ReadOnlySpan<int> FloorQueries => _floorQueries;

    /// <summary>The stem lists keyed by word id instead of text (null where no query is filed), for <paramref name="idOf"/>.</summary>
    public int[]?[] StemsById(Func<string, int> idOf, int size) => ById(_stems, idOf, size);

    /// <summary>The name lists keyed by word id instead of text.</summary>
    public int[]?[] NamesById(Func<string, int> idOf, int size) => ById(_names, idOf, size);

    private static int[]?[] ById(Dictionary<string, int[]> lists, Func<string, int> idOf, int size)
    {
        var byId = new int[]?[size];
        foreach (var (word, ids) in lists)
        {
            byId[idOf(word)] = ids;
        }

        return byId;
    }

    public static IndexPostings Build(IReadOnlyList<TopicQuery> queries)
    {
        var stems = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var floors = new List<(int Floor, int Query)>();
        var unanchored = new List<int>();
        for (var id = 0; id < queries.Count; id++)
        {
            var anchors = QueryAnchors.Of(queries[id].Root);
            if (anchors is null)
            {
                unanchored.Add(id);
                continue;
            }

            foreach (var anchor in anchors)
            {
                switch (anchor.Kind)
                {
                    case AnchorKind.Stem:
                        Add(stems, anchor.Word, id);
                        break;
                    case AnchorKind.Name:
                        Add(names, anchor.Word, id);
                        break;
                    default:
                        floors.Add((anchor.Floor, id));
                        break;
                }
            }
        }

        floors.Sort();
        return new IndexPostings(
            stems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            names.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            [.. floors.Select(f => f.Floor)],
            [.. floors.Select(f => f.Query)],
            [.. unanchored]);
    }

    private static void Add(Dictionary<string, List<int>> lists, string word, int id)
    {
        if (!lists.TryGetValue(word, out var list))
        {
            lists[word] = list = [];
        }

        // An OR of several words may file the same query under one word twice.
        if (list.Count == 0 || list[^1] != id)
        {
            list.Add(id);
        }
    }
}
