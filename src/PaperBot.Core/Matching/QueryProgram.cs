using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// The index's queries flattened into one postfix program, evaluated with a small stack. Checking thousands of
/// candidate queries per paper is bound by memory, not arithmetic: one contiguous array read beats chasing
/// each query's tree of objects. Terms are numbered by their text, and each distinct term is looked up in a
/// paper once (<see cref="Run"/>'s memo), however many subscriptions share it.
/// </summary>
internal sealed class QueryProgram
{
    // An instruction >= 0 pushes the answer of that term slot; the negative ones are operators.
    private const int Not = -1;
    private const int And = -2; // followed by the operand count
    private const int Or = -3; // followed by the operand count
    private const int Upvotes = -4; // followed by the comparison and the number
    private const int HasCode = -5;
    private const int HasProject = -6;

    private readonly int[] _code;
    private readonly int[] _starts;
    private readonly TermNode[] _terms;

    // Every stem and word of every term, numbered: papers are read into these ids (PaperScan).
    private readonly Dictionary<string, int> _vocabulary;
    private readonly CompiledTerm[] _compiled;

    // Plain one-word terms (most of them) are answered up front from the paper's own words: every such term is
    // false unless a paper stem or author word names it, which takes a read per paper word instead of one per
    // term. Other terms start unknown (0) and are looked up when first needed. Both keyed by word id.
    private readonly sbyte[] _memoTemplate;
    private readonly int[]?[] _plainByStem;
    private readonly int[]?[] _plainByWord;

    private QueryProgram(int[] code, int[] starts, TermNode[] terms)
    {
        _code = code;
        _starts = starts;
        _terms = terms;
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        _compiled = Array.ConvertAll(terms, term => new CompiledTerm(term.Fields, Array.ConvertAll(term.Stems, Intern), Array.ConvertAll(term.Words, Intern)));
        _memoTemplate = new sbyte[terms.Length];
        var plain = Enumerable.Range(0, terms.Length).Where(t => terms[t].Fields == FieldSet.Default && terms[t].Words.Length == 1).ToList();
        foreach (var t in plain)
        {
            _memoTemplate[t] = -1;
        }

        _plainByStem = new int[]?[_vocabulary.Count];
        _plainByWord = new int[]?[_vocabulary.Count];
        foreach (var group in plain.GroupBy(t => _compiled[t].Stems[0]))
        {
            _plainByStem[group.Key] = [.. group];
        }

        foreach (var group in plain.GroupBy(t => _compiled[t].Words[0]))
        {
            _plainByWord[group.Key] = [.. group];
        }
    }

    /// <summary>The ids of the stems and words of the terms.</summary>
    public Dictionary<string, int> Vocabulary => _vocabulary;

    public int TermCount => _terms.Length;

    /// <summary>The deepest stack any query needs: never more than its longest program.</summary>
    public int MaxStack { get; private init; }

    public static QueryProgram Compile(IReadOnlyList<TopicQuery> queries)
    {
        var code = new List<int>();
        var starts = new int[queries.Count + 1];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<TermNode>();
        for (var q = 0; q < queries.Count; q++)
        {
            starts[q] = code.Count;
            Emit(queries[q].Root, code, slots, terms);
        }

        starts[queries.Count] = code.Count;
        var longest = Enumerable.Range(0, queries.Count).Select(q => starts[q + 1] - starts[q]).DefaultIfEmpty(0).Max();
        return new QueryProgram([.. code], starts, [.. terms]) { MaxStack = longest };
    }

    /// <summary>Fills <paramref name="memo"/> with what is known of <paramref name="paper"/> before any query runs.</summary>
    public void Prime(PaperScan paper, sbyte[] memo)
    {
        _memoTemplate.CopyTo(memo, 0);
        foreach (var stem in paper.Stems)
        {
            if (_plainByStem[stem] is { } slots)
            {
                Mark(slots, memo);
            }
        }

        foreach (var word in paper.AuthorWords)
        {
            if (_plainByWord[word] is { } slots)
            {
                Mark(slots, memo);
            }
        }
    }

    /// <summary>Whether query <paramref name="query"/> matches; <paramref name="memo"/> holds this paper's term answers.</summary>
    public bool Run(int query, PaperScan paper, sbyte[] memo, bool[] stack)
    {
        var sp = 0;
        var end = _starts[query + 1];
        for (var pc = _starts[query]; pc < end;)
        {
            var op = _code[pc++];
            switch (op)
            {
                case >= 0:
                    var known = memo[op];
                    if (known == 0)
                    {
                        known = paper.Contains(_compiled[op]) ? (sbyte)1 : (sbyte)-1;
                        memo[op] = known;
                    }

                    stack[sp++] = known > 0;
                    break;
                case Not:
                    stack[sp - 1] = !stack[sp - 1];
                    break;
                case And or Or:
                    var count = _code[pc++];
                    var result = op == And;
                    for (var i = 0; i < count; i++)
                    {
                        result = op == And ? result & stack[--sp] : result | stack[--sp];
                    }

                    stack[sp++] = result;
                    break;
                case Upvotes:
                    stack[sp++] = UpvotesNode.Compare(paper.Upvotes, (UpvoteComparison)_code[pc], _code[pc + 1]);
                    pc += 2;
                    break;
                default:
                    stack[sp++] = op == HasCode ? paper.HasCode : paper.HasProject;
                    break;
            }
        }

        return stack[0];
    }

    private int Intern(string word)
    {
        if (!_vocabulary.TryGetValue(word, out var id))
        {
            _vocabulary[word] = id = _vocabulary.Count;
        }

        return id;
    }

    private static void Mark(int[] slots, sbyte[] memo)
    {
        foreach (var slot in slots)
        {
            memo[slot] = 1;
        }
    }

    private static void Emit(QueryNode node, List<int> code, Dictionary<string, int> slots, List<TermNode> terms)
    {
        switch (node)
        {
            case TermNode term:
                var text = term.Render();
                if (!slots.TryGetValue(text, out var slot))
                {
                    slots[text] = slot = terms.Count;
                    terms.Add(term);
                }

                code.Add(slot);
                break;
            case NotNode not:
                Emit(not.Operand, code, slots, terms);
                code.Add(Not);
                break;
            case AndNode and:
                EmitAll(and.Operands, code, slots, terms);
                code.AddRange([And, and.Operands.Count]);
                break;
            case OrNode or:
                EmitAll(or.Operands, code, slots, terms);
                code.AddRange([Or, or.Operands.Count]);
                break;
            case UpvotesNode upvotes:
                code.AddRange([Upvotes, (int)upvotes.Comparison, upvotes.Value]);
                break;
            case HasNode has:
                code.Add(has.Project ? HasProject : HasCode);
                break;
            default:
                throw new InvalidOperationException($"No instruction for {node.GetType().Name}.");
        }
    }

    private static void EmitAll(IReadOnlyList<QueryNode> operands, List<int> code, Dictionary<string, int> slots, List<TermNode> terms)
    {
        foreach (var operand in operands)
        {
            Emit(operand, code, slots, terms);
        }
    }
}
