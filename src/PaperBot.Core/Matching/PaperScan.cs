using PaperBot.Core.Papers;
using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// One paper's words as ids of the index's vocabulary (<see cref="QueryProgram"/>): the same folding, splitting
/// and stemming as <see cref="PaperText"/>, but a term is then checked with array reads instead of string hashing.
/// One scan serves a whole batch of papers, one paper at a time: its buffers and its cache of folded word to ids
/// (papers of a batch share most of their words, so each distinct word is stemmed once) are reused.
/// </summary>
internal sealed class PaperScan
{
    // Between the values of a field (two authors, two keywords), so that a phrase never spans them. Words
    // outside the vocabulary are -1: no term names them.
    private const int Gap = -2;
    private const int Unknown = -1;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, (int Stem, int Word)> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Stem, int Word)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<Range> _ranges = [];

    // Per vocabulary id, the stamp of the last paper that had it among its stems, its names (authors and
    // organization) and its author words.
    private readonly int[] _stemSeen;
    private readonly int[] _nameSeen;
    private readonly int[] _authorSeen;
    private int _stamp;

    private readonly Field _title = new();
    private readonly Field _abstract = new();
    private readonly Field _keywords = new();
    private readonly Field _authors = new();
    private readonly Field _organization = new();

    public PaperScan(Dictionary<string, int> vocabulary)
    {
        _vocabulary = vocabulary;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemSeen = new int[vocabulary.Count];
        _nameSeen = new int[vocabulary.Count];
        _authorSeen = new int[vocabulary.Count];
    }

    /// <summary>The distinct known stems of the title, abstract and keywords.</summary>
    public List<int> Stems { get; } = [];

    /// <summary>The distinct known words of the authors and organization.</summary>
    public List<int> Names { get; } = [];

    /// <summary>The distinct known words of the authors alone.</summary>
    public List<int> AuthorWords { get; } = [];

    public int Upvotes { get; private set; }

    public bool HasCode { get; private set; }

    public bool HasProject { get; private set; }

    public void Load(Paper paper)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stemSeen);
            Array.Clear(_nameSeen);
            Array.Clear(_authorSeen);
            _stamp = 1;
        }

        Stems.Clear();
        Names.Clear();
        AuthorWords.Clear();
        _title.Clear();
        _abstract.Clear();
        _keywords.Clear();
        _authors.Clear();
        _organization.Clear();
        Add(_title, paper.Title, stemmed: true);
        Add(_abstract, paper.Abstract, stemmed: true);
        foreach (var keyword in paper.Keywords)
        {
            Add(_keywords, keyword, stemmed: true);
        }

        foreach (var author in paper.Authors)
        {
            Add(_authors, author, stemmed: false);
        }

        Add(_organization, paper.Organization, stemmed: false);
        Collect(_title, _stemSeen, Stems);
        Collect(_abstract, _stemSeen, Stems);
        Collect(_keywords, _stemSeen, Stems);
        Collect(_authors, _authorSeen, AuthorWords);
        Collect(_authors, _nameSeen, Names);
        Collect(_organization, _nameSeen, Names);
        Upvotes = paper.Upvotes;
        HasCode = !string.IsNullOrWhiteSpace(paper.GithubRepo);
        HasProject = !string.IsNullOrWhiteSpace(paper.ProjectPage);
    }

    /// <summary>What <see cref="PaperText"/> answers for the term, from ids.</summary>
    public bool Contains(CompiledTerm term)
    {
        var fields = term.Fields;
        if ((fields & FieldSet.Stemmed) != 0 && AllIn(term.Stems, _stemSeen))
        {
            if (term.Stems.Length == 1 && (fields & FieldSet.Stemmed) == FieldSet.Stemmed)
            {
                return true;
            }

            if (((fields & FieldSet.Title) != 0 && _title.Contains(term.Stems))
                || ((fields & FieldSet.Abstract) != 0 && _abstract.Contains(term.Stems))
                || ((fields & FieldSet.Keywords) != 0 && _keywords.Contains(term.Stems)))
            {
                return true;
            }
        }

        return (fields & FieldSet.Names) != 0 && AllIn(term.Words, _nameSeen)
            && (((fields & FieldSet.Authors) != 0 && _authors.Contains(term.Words))
                || ((fields & FieldSet.Organization) != 0 && _organization.Contains(term.Words)));
    }

    private bool AllIn(int[] ids, int[] seen)
    {
        foreach (var id in ids)
        {
            if (seen[id] != _stamp)
            {
                return false;
            }
        }

        return true;
    }

    private void Collect(Field field, int[] seen, List<int> distinct)
    {
        foreach (var id in field.Span)
        {
            if (id >= 0 && seen[id] != _stamp)
            {
                seen[id] = _stamp;
                distinct.Add(id);
            }
        }
    }

    // As FieldText.From: each value folded and split; a value without words adds nothing.
    private void Add(Field field, string? value, bool stemmed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var folded = TextFolding.Fold(value);
        _ranges.Clear();
        WordTokenizer.Split(folded, _ranges);
        if (_ranges.Count == 0)
        {
            return;
        }

        if (field.Count > 0)
        {
            field.Add(Gap);
        }

        foreach (var range in _ranges)
        {
            var ids = IdsOf(folded.AsSpan(range));
            field.Add(stemmed ? ids.Stem : ids.Word);
        }
    }

    private (int Stem, int Word) IdsOf(ReadOnlySpan<char> word)
    {
        if (!_lookup.TryGetValue(word, out var ids))
        {
            var text = word.ToString();
            ids = (IdOf(EnglishStemmer.Stem(text)), IdOf(text));
            _cache[text] = ids;
        }

        return ids;
    }

    private int IdOf(string word) => _vocabulary.TryGetValue(word, out var id) ? id : Unknown;

    private sealed class Field
    {
        private int[] _ids = new int[256];

        public int Count { get; private set; }

        public ReadOnlySpan<int> Span => _ids.AsSpan(0, Count);

        public void Clear() => Count = 0;

        public void Add(int id)
        {
            if (Count == _ids.Length)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
            }

            _ids[Count++] = id;
        }

        /// <summary>True when <paramref name="phrase"/> (known ids) occurs as consecutive words of one value.</summary>
        public bool Contains(int[] phrase)
        {
            var words = Span;
            if (phrase.Length == 1)
            {
                return words.Contains(phrase[0]);
            }

            return words.IndexOf(phrase) >= 0;
        }
    }
}

/// <summary>A <see cref="TermNode"/> with its stems and words as vocabulary ids.</summary>
internal sealed record CompiledTerm(FieldSet Fields, int[] Stems, int[] Words);
