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
        new(column, "the query only excludes or filters and would match most papers - add a word to look for, e.g. agents -survey, or an upvote threshold such as upvotes>=50");

    public static QueryError OrAlternativeOnlyExcludes(int column) =>
        new(column, "this OR alternative only excludes or filters and would match most papers - add a word to look for (or upvotes>=N) to it");

    public static QueryError UnknownField(int column, string name, string word, string? suggestion) => suggestion is not null
        ? new(column, $"unknown field \"{name}:\" - did you mean \"{(suggestion == FieldPrefixes.Upvotes ? "upvotes>=" : suggestion + ":")}\"?")
        : new(column, $"unknown field \"{name}:\" - the fields are {FieldPrefixes.Listing}; to search for the text itself, put it in quotes: \"{word}\"");

    public static QueryError FieldNeedsTerm(int column, string name) =>
        new(column, $"\"{name}:\" needs a word or \"phrase\" right after it, with no space, e.g. {name}:agents or {name}:\"world model\"");

    public static QueryError FieldTakesNoGroup(int column, string name) =>
        new(column, $"\"{name}:\" takes one word or \"phrase\", not a group - write {name}:agents OR {name}:robotics");

    public static QueryError HasTakes(int column) =>
        new(column, "has: takes code or project, e.g. has:code");

    public static QueryError UpvotesNeedsNumber(int column) =>
        new(column, "upvotes needs a number: upvotes>=10");

    public static QueryError UpvotesNeedsComparison(int column) =>
        new(column, "upvotes needs a comparison and a number: upvotes>=10 (or >, <=, <, =)");

    public static QueryError AboutNeedsSentence(int column) =>
        new(column, "about: needs a sentence in quotes right after it, e.g. about:\"robots that learn to grasp from video\"");

    public static QueryError AboutEmpty(int column) =>
        new(column, "about:\"\" is empty - describe the topic in a sentence between the quotes");

    public static QueryError AboutTooLong(int column, int length) =>
        new(column, $"the about: sentence is {length} characters long; the limit is {TopicQuery.MaxLength} - shorten it");

    public static QueryError AboutCloseness(int column) =>
        new(column, "after about:\"...\" write ~strict, ~broad or a closeness from ~0 to ~6.0 (standard deviations above a typical paper), with no space, e.g. about:\"protein design\"~strict");
}
