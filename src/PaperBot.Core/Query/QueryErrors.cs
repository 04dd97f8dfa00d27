namespace PaperBot.Core.Query;

/// <summary>Every refusal message in one place: each says what is wrong and how to fix it.</summary>
internal static class QueryErrors
{
    public static QueryError Empty() => new(1, "the query is empty - write at least one word, e.g. agents");

    public static QueryError TooLong(int length) =>
        new(TopicQuery.MaxLength + 1, $"the query is {length} characters long; the limit is {TopicQuery.MaxLength} - shorten it");

    public static QueryError UnbalancedQuote(int column) =>
        new(column, "unbalanced quote - add a closing \" or remove the opening one");

    public static QueryError EmptyPhrase(int column) =>
        new(column, "empty phrase - put at least one word between the quotes or remove them");

    public static QueryError NoLetters(int column, string word) =>
        new(column, $"\"{word}\" has no letters or digits - remove it or write a word");

    public static QueryError UnmatchedClose(int column) =>
        new(column, "unmatched \")\" - remove it or add a \"(\" before it");

    public static QueryError UnclosedOpen(int column) =>
        new(column, "unclosed \"(\" - add a \")\" after the group or remove the \"(\"");

    public static QueryError EmptyParentheses(int column) =>
        new(column, "empty parentheses \"()\" - put a word inside or remove them");

    public static QueryError DanglingOr(int column) =>
        new(column, "\"OR\" needs a word on both sides, e.g. agents OR robotics");

    public static QueryError DanglingAnd(int column) =>
        new(column, "\"AND\" needs a word on both sides, e.g. agents AND robotics");

    public static QueryError NotNeedsWord(int column) =>
        new(column, "\"NOT\" needs a word after it, e.g. NOT survey");

    public static QueryError MinusNeedsWord(int column) =>
        new(column, "\"-\" needs a word right after it, with no space, e.g. -survey");

    public static QueryError DoubleMinus(int column) =>
        new(column, "\"--\" negates twice - write a single \"-\" before the word");

    public static QueryError DoubleNegation(int column) =>
        new(column, "double negation - keep only one \"NOT\" or \"-\"");

    public static QueryError OnlyExclusions(int column) =>
        new(column, "the query only excludes words and would match almost every paper - add a word to look for, e.g. agents -survey");

    public static QueryError OrAlternativeOnlyExcludes(int column) =>
        new(column, "this OR alternative only excludes words and would match almost every paper - add a word to look for to it");
}
