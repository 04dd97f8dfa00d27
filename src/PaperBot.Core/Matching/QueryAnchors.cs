using PaperBot.Core.Query;

namespace PaperBot.Core.Matching;

/// <summary>
/// Finds, for a query, a small set of anchors such that every paper the query matches has at least one of
/// them. The index files the query under those anchors only. Every query the parser accepts has such a set
/// (a positive condition is a word or an upvote floor, which is an anchor), but should one ever lack it, the
/// index checks it against every paper rather than trust the rule.
/// </summary>
internal static class QueryAnchors
{
    // Stems that turn up in a large share of ML abstracts: a poor anchor, as it makes the query a
    // candidate for most papers. Any other required word of the query is preferred.
    private static readonly HashSet<string> Common = new(
        ["model", "learn", "languag", "larg", "data", "train", "method", "task", "perform", "result", "approach",
         "show", "base", "propos", "network", "neural", "deep", "benchmark", "evalu", "improv", "generat", "work",
         "problem", "framework", "achiev", "state", "art", "novel", "new", "use", "paper", "system", "demonstr"],
        StringComparer.Ordinal);

    /// <summary>The anchors of <paramref name="node"/>, or null when a match needs none of any small set.</summary>
    public static IReadOnlyList<Anchor>? Of(QueryNode node) => Find(node)?.Anchors;

    private static Choice? Find(QueryNode node)
    {
        switch (node)
        {
            case TermNode term:
                return Term(term);
            case UpvotesNode { Floor: { } floor } when floor >= 1:
                return new([new Anchor(AnchorKind.Upvotes, "", floor)], UpvoteCost(floor));
            case AndNode and:
                // Every operand must match, so the cheapest operand's anchors serve for the whole.
                Choice? best = null;
                foreach (var operand in and.Operands)
                {
                    if (Find(operand) is { } choice && (best is null || choice.Cost < best.Cost))
                    {
                        best = choice;
                    }
                }

                return best;
            case OrNode or:
                // Any operand may match, so each needs its own anchors; one unanchored operand spoils the lot.
                var anchors = new List<Anchor>();
                var cost = 0.0;
                foreach (var operand in or.Operands)
                {
                    if (Find(operand) is not { } choice)
                    {
                        return null;
                    }

                    anchors.AddRange(choice.Anchors);
                    cost += choice.Cost;
                }

                return new(anchors, cost);
            default:
                // NOT, has: and upvote ceilings hold for papers that share nothing with the query.
                return null;
        }
    }

    private static Choice Term(TermNode term)
    {
        // Any one word of a phrase is required; file it under the rarest-looking one.
        var pick = 0;
        for (var i = 1; i < term.Stems.Length; i++)
        {
            if (StemCost(term.Stems[i]) < StemCost(term.Stems[pick]))
            {
                pick = i;
            }
        }

        var anchors = new List<Anchor>(2);
        var cost = 0.0;
        if ((term.Fields & FieldSet.Stemmed) != 0)
        {
            anchors.Add(new Anchor(AnchorKind.Stem, term.Stems[pick]));
            cost += StemCost(term.Stems[pick]);
        }

        if ((term.Fields & FieldSet.Names) != 0)
        {
            anchors.Add(new Anchor(AnchorKind.Name, term.Words[pick]));
            cost += 1;
        }

        return new(anchors, cost);
    }

    // Rough share of papers (in percent) carrying the anchor; only the order matters.
    private static double StemCost(string stem) => Common.Contains(stem) ? 40 : stem.Length <= 3 ? 10 : 12.0 / stem.Length;

    private static double UpvoteCost(int floor) => 100.0 / (1 + (floor / 4.0));

    private sealed record Choice(List<Anchor> Anchors, double Cost);
}
