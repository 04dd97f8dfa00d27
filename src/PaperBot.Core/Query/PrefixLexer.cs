using System.Globalization;

namespace PaperBot.Core.Query;

/// <summary>
/// Lexes the words that carry a prefix: <c>title:agents</c>, <c>author:"ana silva"</c>, <c>has:code</c> and
/// <c>upvotes&gt;=10</c>. Anything written as letters followed by ':' is taken as a prefix, so a typo is
/// reported ("titel:") instead of silently becoming a search for the words "titel" and "agents".
/// </summary>
internal static class PrefixLexer
{
    /// <summary>
    /// Lexes an upvote condition starting at <paramref name="i"/> when there is one ("upvotes", optional
    /// spaces, a comparison), advancing <paramref name="i"/> past it. Returns false for any other word.
    /// </summary>
    public static bool TryLexUpvotes(string text, ref int i, List<QueryToken> tokens, out QueryError? error)
    {
        error = null;
        var column = i + 1;
        if (!text.AsSpan(i).StartsWith(FieldPrefixes.Upvotes, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var at = SkipSpaces(text, i + FieldPrefixes.Upvotes.Length);
        if (at >= text.Length || text[at] is not ('<' or '>' or '='))
        {
            return false;
        }

        var symbol = text[at] != '=' && at + 1 < text.Length && text[at + 1] == '=' ? text.Substring(at, 2) : text[at].ToString();
        at += symbol.Length;
        if (at < text.Length && text[at] is '<' or '>' or '=')
        {
            error = QueryErrors.UpvotesNeedsComparison(column);
            return true;
        }

        at = SkipSpaces(text, at);
        var digits = at;
        while (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            at++;
        }

        var ends = at == text.Length || char.IsWhiteSpace(text[at]) || text[at] is '(' or ')';
        if (at == digits || !ends || !int.TryParse(text.AsSpan(digits, at - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = QueryErrors.UpvotesNeedsNumber(column);
            return true;
        }

        tokens.Add(new(QueryTokenKind.Upvotes, column, symbol, Number: value));
        i = at;
        return true;
    }

    /// <summary>
    /// Lexes <paramref name="word"/> (ending before <paramref name="next"/>) when it starts with a prefix.
    /// Returns false for a plain word.
    /// </summary>
    public static bool TryLexPrefixed(string text, string word, int column, int next, List<QueryToken> tokens, out QueryError? error)
    {
        error = null;
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !AllLetters(word.AsSpan(0, colon)))
        {
            return false;
        }

        var name = word[..colon];
        var rest = word[(colon + 1)..];
        if (FieldPrefixes.TryGet(name, out var fields))
        {
            var canonical = FieldPrefixes.NameOf(fields);
            if (rest.Length > 0)
            {
                // The operand of a prefix is always a word: "title:OR" searches titles for "or".
                tokens.Add(new(QueryTokenKind.Field, column, canonical));
                tokens.Add(new(QueryTokenKind.Word, column + colon + 1, rest));
            }
            else if (next < text.Length && QueryLexer.IsQuote(text[next]))
            {
                tokens.Add(new(QueryTokenKind.Field, column, canonical));
            }
            else
            {
                error = next < text.Length && text[next] == '('
                    ? QueryErrors.FieldTakesNoGroup(column, canonical)
                    : QueryErrors.FieldNeedsTerm(column, canonical);
            }
        }
        else if (name.Equals(FieldPrefixes.Has, StringComparison.OrdinalIgnoreCase))
        {
            var project = rest.Equals("project", StringComparison.OrdinalIgnoreCase);
            if (project || rest.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(new(QueryTokenKind.Has, column, project ? "project" : "code"));
            }
            else
            {
                error = QueryErrors.HasTakes(column);
            }
        }
        else if (name.Equals(FieldPrefixes.About, StringComparison.OrdinalIgnoreCase))
        {
            if (rest.Length == 0 && next < text.Length && QueryLexer.IsQuote(text[next]))
            {
                tokens.Add(new(QueryTokenKind.About, column, FieldPrefixes.About));
            }
            else
            {
                error = QueryErrors.AboutNeedsSentence(column);
            }
        }
        else if (name.Equals(FieldPrefixes.Upvotes, StringComparison.OrdinalIgnoreCase))
        {
            error = QueryErrors.UpvotesNeedsComparison(column);
        }
        else
        {
            error = QueryErrors.UnknownField(column, name, word, FieldPrefixes.Suggest(name));
        }

        return true;
    }

    private static bool AllLetters(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}
