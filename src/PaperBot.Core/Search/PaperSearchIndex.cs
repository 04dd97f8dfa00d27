using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Search;

/// <summary>
/// An inverted index over every stored paper, so <c>/papers search</c> never reads the whole store: per field, each
/// word to the papers that have it, plus each paper's upvotes, day and links. A query is evaluated on the postings
/// (exactly, but for phrases, whose word order is checked on the few candidate papers) and ranked as
/// <see cref="SearchRanking"/> says. Built from the store on first use, in slices, and kept up to date by each poll.
/// </summary>
public sealed partial class PaperSearchIndex(IPaperArchive archive) : IDisposable
{
    private const int Slice = 500;

    /// <summary>Papers kept for rendering pages (a page shows 10); past this the cache starts over.</summary>
    private const int CachedPapers = 4_096;
    private const FieldSet Every = FieldSet.Stemmed | FieldSet.Names;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly SearchFields _fields = new();
    private readonly Dictionary<int, List<int>> _byDay = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Paper> _cache = new(StringComparer.Ordinal);
    private PaperSearchState _state = new(1024);
    private bool _built;
    private long _version;

    /// <summary>How many papers are indexed.</summary>
    public int Count => _numbers.Count;

    /// <summary>
    /// What an answer computed now from the index and the store is computed from (take it before the work); null when
    /// the store does not track its changes. Changes with every build and refresh of the index and every paper write.
    /// </summary>
    public AnswerStamp? Stamp(DateOnly day) =>
        archive.ChangeStamp is { } papers ? new AnswerStamp(papers, Volatile.Read(ref _version), day.DayNumber) : null;

    /// <summary>Reads every stored paper into the index, unless that was done already.</summary>
    public void EnsureBuilt()
    {
        if (Volatile.Read(ref _built))
        {
            return;
        }

        _lock.EnterWriteLock();
        try
        {
            if (_built)
            {
                return;
            }

            string? after = null;
            while (archive.PapersAfter(after, Slice) is { Count: > 0 } slice)
            {
                foreach (var paper in slice)
                {
                    Index(paper);
                }

                after = slice[^1].ArxivId;
            }

            _fields.Compact();
            Volatile.Write(ref _built, true);
            Interlocked.Increment(ref _version);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Reads the papers a poll recorded back from the store (new ones, new upvotes or text of known ones) and indexes
    /// them; builds the index first if that was not done yet.
    /// </summary>
    public void Refresh(IReadOnlyCollection<string> arxivIds)
    {
        ArgumentNullException.ThrowIfNull(arxivIds);

        // A build running now may have read these papers' slices before the poll wrote them: wait for it, then re-read.
        EnsureBuilt();

        foreach (var id in arxivIds)
        {
            _cache.TryRemove(id, out _);
        }

        var papers = archive.FindMany(arxivIds);

        _lock.EnterWriteLock();
        try
        {
            foreach (var paper in papers)
            {
                Index(paper);
            }

            Interlocked.Increment(ref _version);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The arXiv ids of every paper <paramref name="query"/> matches, best first.</summary>
    public IReadOnlyList<string> Search(TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsureBuilt();
        _lock.EnterReadLock();
        try
        {
            var state = _state;
            var matched = new PostingEvaluator(_fields, state, Every).Evaluate(query.Root);
            matched.And(state.Live);
            var title = new PostingEvaluator(_fields, state, FieldSet.Title).Evaluate(query.Root);
            var titleAndKeywords = new PostingEvaluator(_fields, state, FieldSet.Title | FieldSet.Keywords).Evaluate(query.Root);
            var ranked = matched.Exact && title.Exact && titleAndKeywords.Exact
                ? [.. matched.Members().Select(p => (Paper: p, Relevance: title.Contains(p) ? 3 : titleAndKeywords.Contains(p) ? 2 : 1))]
                : Verify(query, matched, state);
            ranked.Sort((a, b) => Compare(a, b, state));
            return [.. ranked.Select(r => state.Ids[r.Paper])];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The arXiv ids of the papers listed on <paramref name="day"/> that <paramref name="query"/> (if any) matches, most upvoted first.</summary>
    public IReadOnlyList<string> Day(DateOnly day, TopicQuery? query)
    {
        EnsureBuilt();
        _lock.EnterReadLock();
        try
        {
            var state = _state;
            IEnumerable<int> numbers = _byDay.TryGetValue(day.DayNumber, out var listed) ? listed : [];
            if (query is not null)
            {
                var matched = new PostingEvaluator(_fields, state, Every).Evaluate(query.Root);
                var candidates = numbers.Where(matched.Contains).ToList();
                numbers = matched.Exact
                    ? candidates
                    : Fetch([.. candidates.Select(n => state.Ids[n])]).Where(query.Matches).Select(p => _numbers[p.ArxivId]).ToList();
            }

            return [.. numbers.OrderByDescending(n => state.Upvotes[n]).ThenBy(n => state.Ids[n], StringComparer.Ordinal).Select(n => state.Ids[n])];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The stored papers of <paramref name="arxivIds"/>, in that order, from a small cache where it can.</summary>
    public IReadOnlyList<Paper> Fetch(IReadOnlyList<string> arxivIds)
    {
        ArgumentNullException.ThrowIfNull(arxivIds);
        var found = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var id in arxivIds)
        {
            if (_cache.TryGetValue(id, out var cached))
            {
                found[id] = cached;
            }
        }

        if (found.Count < arxivIds.Count)
        {
            if (_cache.Count > CachedPapers)
            {
                _cache.Clear();
            }

            foreach (var paper in archive.FindMany([.. arxivIds.Where(id => !found.ContainsKey(id))]))
            {
                _cache[paper.ArxivId] = found[paper.ArxivId] = paper;
            }
        }

        return [.. arxivIds.Where(found.ContainsKey).Select(id => found[id])];
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>The candidates read from the store and ranked on their text, where the postings alone cannot tell.</summary>
    private List<(int Paper, int Relevance)> Verify(TopicQuery query, PaperBits candidates, PaperSearchState state)
    {
        var ids = candidates.Members().Select(p => state.Ids[p]).ToList();
        var ranked = new List<(int, int)>();
        for (var i = 0; i < ids.Count; i += Slice)
        {
            foreach (var paper in archive.FindMany(ids.GetRange(i, Math.Min(Slice, ids.Count - i))))
            {
                if (SearchRanking.Relevance(query, paper) is > 0 and var relevance && _numbers.TryGetValue(paper.ArxivId, out var number))
                {
                    ranked.Add((number, relevance));
                }
            }
        }

        return ranked;
    }

    private static int Compare((int Paper, int Relevance) a, (int Paper, int Relevance) b, PaperSearchState state)
    {
        var order = b.Relevance.CompareTo(a.Relevance);
        order = order != 0 ? order : state.Upvotes[b.Paper].CompareTo(state.Upvotes[a.Paper]);
        order = order != 0 ? order : state.ListedOn[b.Paper].CompareTo(state.ListedOn[a.Paper]);
        return order != 0 ? order : string.CompareOrdinal(state.Ids[a.Paper], state.Ids[b.Paper]);
    }

    /// <summary>Adds a paper, or refreshes a known one; inside the write lock.</summary>
    private void Index(Paper paper)
    {
        var hash = TextHash(paper);
        if (!_numbers.TryGetValue(paper.ArxivId, out var number))
        {
            number = _numbers.Count;
            if (number == _state.Capacity)
            {
                _state = _state.Grow(_state.Capacity * 2);
            }

            _numbers[paper.ArxivId] = number;
            AddWords(paper, number);
            DayList(paper.ListedOn.DayNumber).Add(number);
            _state.Ids[number] = paper.ArxivId;
            _state.Live.Add(number);
        }
        else if (_state.TextHash[number] != hash)
        {
            // Postings only grow: a paper whose words changed is checked on its stored text from now on.
            AddWords(paper, number);
            _state.Stale.Add(number);
            _state.AnyStale = true;
        }

        if (_state.ListedOn[number] != paper.ListedOn.DayNumber && DayList(_state.ListedOn[number]).Remove(number))
        {
            DayList(paper.ListedOn.DayNumber).Add(number);
        }

        _state.TextHash[number] = hash;
        _state.Upvotes[number] = paper.Upvotes;
        _state.ListedOn[number] = paper.ListedOn.DayNumber;
        Set(_state.WithCode, number, !string.IsNullOrWhiteSpace(paper.GithubRepo));
        Set(_state.WithProject, number, !string.IsNullOrWhiteSpace(paper.ProjectPage));
    }

    private List<int> DayList(int day)
    {
        if (!_byDay.TryGetValue(day, out var list))
        {
            _byDay[day] = list = [];
        }

        return list;
    }

    private void AddWords(Paper paper, int number)
    {
        _fields.Add(0, FieldText.From([paper.Title], stemmed: true).Words, number);
        _fields.Add(1, FieldText.From([paper.Abstract], stemmed: true).Words, number);
        _fields.Add(2, FieldText.From(paper.Keywords, stemmed: true).Words, number);
        _fields.Add(3, FieldText.From(paper.Authors, stemmed: false).Words, number);
        _fields.Add(4, FieldText.From([paper.Organization], stemmed: false).Words, number);
    }

    private static void Set(PaperBits bits, int number, bool on)
    {
        if (on)
        {
            bits.Add(number);
        }
        else
        {
            bits.Words[number >> 6] &= ~(1UL << number);
        }
    }

    private static int TextHash(Paper paper) =>
        HashCode.Combine(paper.Title, paper.Abstract, paper.Organization, string.Join('\u001f', paper.Authors), string.Join('\u001f', paper.Keywords));
}
