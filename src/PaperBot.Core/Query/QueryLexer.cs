namespace PaperBot.Core.Query;

/// <summary>Splits query text into tokens. Columns are 1-based UTF-16 positions in the original text.</summary>
internal static class QueryLexer
{
    // Phones "smart-quote" what people type into Discord and Slack, so curly quotes count as quotes.
    private const string Quotes = "\"\u201C\u201D\u201E";

    public static List<QueryToken> Lex(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new(c == '(' ? QueryTokenKind.OpenParen : QueryTokenKind.CloseParen, column, c.ToString()));
                i++;
            }
            else if (IsQuote(c))
            {
                var close = text.AsSpan(i + 1).IndexOfAny(Quotes);
                if (close < 0)
                {
                    return WithError(tokens, QueryErrors.UnbalancedQuote(column));
                }

                tokens.Add(new(QueryTokenKind.Phrase, column, text.Substring(i + 1, close)));
                i += close + 2;
            }
            else if (c == '-')
            {
                // '-' negates only when attached: "-survey". Hyphens inside a word ("gpt-4") never get here.
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                if (next == '-')
                {
                    return WithError(tokens, QueryErrors.DoubleMinus(column));
                }

                if (char.IsWhiteSpace(next) || next == ')')
                {
                    return WithError(tokens, QueryErrors.MinusNeedsWord(column));
                }

                tokens.Add(new(QueryTokenKind.Minus, column, "-"));
                i++;
            }
            else if (PrefixLexer.TryLexUpvotes(text, ref i, tokens, out var upvotesError))
            {
                if (upvotesError is not null)
                {
                    return WithError(tokens, upvotesError);
                }
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')') && !IsQuote(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (!PrefixLexer.TryLexPrefixed(text, word, column, i, tokens, out var prefixError))
                {
                    tokens.Add(new(KeywordKind(word), column, word));
                }
                else if (prefixError is not null)
                {
                    return WithError(tokens, prefixError);
                }
            }
        }

        tokens.Add(new(QueryTokenKind.End, text.Length + 1, ""));
        return tokens;
    }

    public static bool IsQuote(char c) => Quotes.Contains(c, StringComparison.Ordinal);

    // Only upper-case OR/AND/NOT are operators, as in web search: "or" and "not" stay plain words, and
    // a word that is an operator can still be searched for in quotes ("OR").
    private static QueryTokenKind KeywordKind(string word) => word switch
    {
        "OR" => QueryTokenKind.Or,
        "AND" => QueryTokenKind.And,
        "NOT" => QueryTokenKind.Not,
        _ => QueryTokenKind.Word,
    };

    private static List<QueryToken> WithError(List<QueryToken> tokens, QueryError error)
    {
        tokens.Add(new(QueryTokenKind.Error, error.Column, "", error));
        return tokens;
    }
}
