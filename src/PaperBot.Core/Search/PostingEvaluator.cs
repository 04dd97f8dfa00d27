using PaperBot.Core.Query;

namespace PaperBot.Core.Search;

/// <summary>
/// Evaluates a query's tree on the index's postings, with the fields a ranking pass allows (<paramref name="allowed"/>):
/// single words, NOT, OR, AND, has: and upvote comparisons exactly, as <see cref="PaperText"/> would; a phrase as the
/// papers holding all its words in one field, a superset the caller verifies on the papers themselves. An
/// <c>about:</c> condition is every paper (a superset) unless <paramref name="about"/> says which papers it matches.
/// </summary>
internal sealed class PostingEvaluator(SearchFields fields, PaperSearchState state, FieldSet allowed, Func<AboutNode, PaperBits>? about = null)
{
    public PaperBits Evaluate(QueryNode node)
    {
        switch (node)
        {
            case TermNode term:
                return Term(term);
            case AndNode and:
                var all = Evaluate(and.Operands[0]);
                for (var i = 1; i < and.Operands.Count; i++)
                {
                    all.And(Evaluate(and.Operands[i]));
                }

                return all;
            case OrNode or:
                var any = Evaluate(or.Operands[0]);
                for (var i = 1; i < or.Operands.Count; i++)
                {
                    any.Or(Evaluate(or.Operands[i]));
                }

                return any;
            case NotNode not:
                var operand = Evaluate(not.Operand);
                if (!operand.Exact)
                {
                    // The complement of a superset is no superset: every paper is a candidate.
                    var every = New();
                    every.CopyFrom(state.Live);
                    every.Exact = false;
                    return every;
                }

                operand.Complement(state.Live);
                return operand;
            case AboutNode meaning when about is not null:
                return about(meaning);
            case HasNode has:
                var with = New();
                with.CopyFrom(has.Project ? state.WithProject : state.WithCode);
                return with;
            case UpvotesNode upvotes:
                var counted = New();
                foreach (var paper in state.Live.Members())
                {
                    if (UpvotesNode.Compare(state.Upvotes[paper], upvotes.Comparison, upvotes.Value))
                    {
                        counted.Add(paper);
                    }
                }

                return counted;
            default:
                var unknown = New();
                unknown.CopyFrom(state.Live);
                unknown.Exact = false;
                return unknown;
        }
    }

    private PaperBits Term(TermNode term)
    {
        var result = New();
        result.Exact = term.Words.Length == 1;
        for (var f = 0; f < SearchFields.Kinds.Length; f++)
        {
            var field = SearchFields.Kinds[f];
            if ((term.Fields & allowed & field) == 0)
            {
                continue;
            }

            var words = (field & FieldSet.Stemmed) != 0 ? term.Stems : term.Words;
            if (words.Length == 1)
            {
                fields.Mark(f, words[0], result);
                continue;
            }

            // A phrase needs all its words in this one field (their order is checked on the paper).
            var every = New();
            fields.Mark(f, words[0], every);
            for (var i = 1; i < words.Length; i++)
            {
                var next = New();
                fields.Mark(f, words[i], next);
                every.And(next);
            }

            result.Or(every);
        }

        // A paper whose text changed since it was indexed is always checked on its stored text.
        if (state.AnyStale)
        {
            result.Or(state.Stale);
            result.Exact = false;
        }

        return result;
    }

    private PaperBits New() => new(state.Capacity);
}
