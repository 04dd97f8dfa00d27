namespace PaperBot.Core.Query;

/// <summary>The rule that a query must contain a word to look for, not only words to exclude.</summary>
internal static class WordRequirement
{
    // A query that only excludes ("-survey", "agents OR -survey") would post nearly every paper of the day
    // to the channel, so it is refused; the column points at the part that lacks a word to look for.
    public static void Check(QueryNode node)
    {
        if (node.IsPositive)
        {
            return;
        }

        switch (node)
        {
            case OrNode alternatives:
                throw new QueryParseException(QueryErrors.OrAlternativeOnlyExcludes(alternatives.Operands.First(operand => !operand.IsPositive).Column));
            case AndNode conjunction when conjunction.Operands.OfType<OrNode>().FirstOrDefault() is { } nested:
                Check(nested);
                break;
            default:
                throw new QueryParseException(QueryErrors.OnlyExclusions(node.Column));
        }
    }
}
