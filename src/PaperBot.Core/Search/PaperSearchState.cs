namespace PaperBot.Core.Search;

/// <summary>What the search index knows of each paper besides its words, by paper number.</summary>
internal sealed class PaperSearchState(int capacity)
{
    public int Capacity { get; } = capacity;

    public string[] Ids { get; } = new string[capacity];

    public int[] Upvotes { get; } = new int[capacity];

    public int[] ListedOn { get; } = new int[capacity];

    public int[] TextHash { get; } = new int[capacity];

    public PaperBits Live { get; } = new(capacity);

    public PaperBits WithCode { get; } = new(capacity);

    public PaperBits WithProject { get; } = new(capacity);

    /// <summary>Papers whose text changed after they were indexed: their postings may be out of date.</summary>
    public PaperBits Stale { get; } = new(capacity);

    public bool AnyStale { get; set; }

    /// <summary>A copy with room for <paramref name="capacity"/> papers.</summary>
    public PaperSearchState Grow(int capacity)
    {
        var grown = new PaperSearchState(capacity) { AnyStale = AnyStale };
        Array.Copy(Ids, grown.Ids, Capacity);
        Array.Copy(Upvotes, grown.Upvotes, Capacity);
        Array.Copy(ListedOn, grown.ListedOn, Capacity);
        Array.Copy(TextHash, grown.TextHash, Capacity);
        foreach (var (from, to) in new[] { (Live, grown.Live), (WithCode, grown.WithCode), (WithProject, grown.WithProject), (Stale, grown.Stale) })
        {
            Array.Copy(from.Words, to.Words, from.Words.Length);
        }

        return grown;
    }
}
