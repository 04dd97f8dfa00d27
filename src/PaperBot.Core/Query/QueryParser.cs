namespace PaperBot.Core.Query;

/// <summary>
/// Recursive-descent parser for topic queries. Grammar, loosest binding first:
/// <code>
/// query   := or END
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*          juxtaposition is AND
/// unary   := ("-" | "NOT") primary | primary  "--x", "NOT -x" are refused; "-(-x)" is x
/// primary := term | "(" or ")"
/// term    := [FIELD ":"] (WORD | PHRASE)      FIELD is title, abstract, author, org or keyword; no space after ':'
///          | "has:" ("code" | "project")
///          | "upvotes" (">=" | ">" | "<=" | "<" | "=") NUMBER
///          | "about:" PHRASE ["~" ("strict" | "broad" | NUMBER)]   closeness of meaning, see AboutNode
/// </code>
/// Prefixes, "has:" values and "upvotes" are case-insensitive; only upper-case OR, AND and NOT are operators.
/// Every refusal is a <see cref="QueryParseException"/> naming the column and the fix.
/// </summary>
internal sealed class QueryParser
{
    private readonly List<QueryToken> _tokens;
    private int _position;

    private QueryParser(List<QueryToken> tokens) => _tokens = tokens;

    private QueryToken Peek => _tokens[Math.Min(_position, _tokens.Count - 1)];

    public static QueryNode Parse(string text)
    {
        if (text.Length > TopicQuery.MaxLength)
        {
            throw Fail(QueryErrors.TooLong(text.Length));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw Fail(QueryErrors.Empty());
        }

        var parser = new QueryParser(QueryLexer.Lex(text));
        var root = parser.ParseOr();
        if (parser.Peek.Kind == QueryTokenKind.CloseParen)
        {
            throw Fail(QueryErrors.UnmatchedClose(parser.Peek.Column));
        }

        WordRequirement.Check(root);
        return root;
    }

    private QueryNode ParseOr()
    {
        var parts = new List<QueryNode> { ParseAnd() };
        while (Peek.Kind == QueryTokenKind.Or)
        {
            var orToken = Next();
            if (!StartsOperand(Peek.Kind))
            {
                throw Fail(QueryErrors.DanglingOr(orToken.Column));
            }

            parts.Add(ParseAnd());
        }

        return OrNode.Create(parts);
    }

    private QueryNode ParseAnd()
    {
        var parts = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            if (Peek.Kind == QueryTokenKind.And)
            {
                var andToken = Next();
                if (!StartsOperand(Peek.Kind))
                {
                    throw Fail(QueryErrors.DanglingAnd(andToken.Column));
                }
            }
            else if (!StartsOperand(Peek.Kind))
            {
                return AndNode.Create(parts);
            }

            parts.Add(ParseUnary());
        }
    }

    private QueryNode ParseUnary()
    {
        if (Peek.Kind is not (QueryTokenKind.Minus or QueryTokenKind.Not))
        {
            return ParsePrimary();
        }

        var negation = Next();
        if (Peek.Kind is QueryTokenKind.Minus or QueryTokenKind.Not)
        {
            throw Fail(QueryErrors.DoubleNegation(Peek.Column));
        }

        if (!StartsOperand(Peek.Kind))
        {
            throw Fail(negation.Kind == QueryTokenKind.Not
                ? QueryErrors.NotNeedsWord(negation.Column)
                : QueryErrors.MinusNeedsWord(negation.Column));
        }

        return NotNode.Create(ParsePrimary(), negation.Column);
    }

    private QueryNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case QueryTokenKind.Word or QueryTokenKind.Phrase:
                return Term(token, prefix: null, token.Column);
            case QueryTokenKind.Field:
                // The lexer puts the prefixed word or phrase right after its prefix.
                FieldPrefixes.TryGet(token.Text, out var fields);
                var operand = Next();
                return operand.Kind == QueryTokenKind.Error ? throw Fail(operand.Error!) : Term(operand, fields, token.Column);
            case QueryTokenKind.Upvotes:
                return new UpvotesNode(Comparison(token.Text), token.Number, token.Column);
            case QueryTokenKind.Has:
                return new HasNode(project: token.Text == "project", token.Column);
            case QueryTokenKind.About:
                return About(token);
            case QueryTokenKind.OpenParen:
                if (Peek.Kind == QueryTokenKind.CloseParen)
                {
                    throw Fail(QueryErrors.EmptyParentheses(token.Column));
                }

                var inner = ParseOr();
                if (Peek.Kind != QueryTokenKind.CloseParen)
                {
                    throw Fail(QueryErrors.UnclosedOpen(token.Column));
                }

                Next();
                return inner;
            case QueryTokenKind.CloseParen:
                throw Fail(QueryErrors.UnmatchedClose(token.Column));
            case QueryTokenKind.Or:
                throw Fail(QueryErrors.DanglingOr(token.Column));
            case QueryTokenKind.And:
                throw Fail(QueryErrors.DanglingAnd(token.Column));
            case QueryTokenKind.Error:
                throw Fail(token.Error!);
            default:
                throw Fail(QueryErrors.Empty());
        }
    }

    private static TermNode Term(QueryToken token, FieldSet? prefix, int column) => token.Kind == QueryTokenKind.Phrase
        ? TermNode.Create(token.Text, phrase: true, prefix, column) ?? throw Fail(QueryErrors.EmptyPhrase(token.Column))
        : TermNode.Create(token.Text, phrase: false, prefix, column) ?? throw Fail(QueryErrors.NoLetters(token.Column, token.Text));

    // about: is followed by its quoted sentence (the lexer checked the quote), then optionally ~strict, ~broad or
    // ~0.NN written against the closing quote.
    private AboutNode About(QueryToken about)
    {
        var phrase = Next();
        if (phrase.Kind == QueryTokenKind.Error)
        {
            throw Fail(phrase.Error!);
        }

        var sentence = AboutNode.Collapse(phrase.Text);
        if (sentence.Length == 0)
        {
            throw Fail(QueryErrors.AboutEmpty(about.Column));
        }

        if (sentence.Length > TopicQuery.MaxLength)
        {
            throw Fail(QueryErrors.AboutTooLong(about.Column, sentence.Length));
        }

        var closeness = AboutCloseness.Default;
        var after = phrase.Column + phrase.Text.Length + 2;
        if (Peek.Kind == QueryTokenKind.Word && Peek.Column == after && Peek.Text.StartsWith('~'))
        {
            var suffix = Next();
            closeness = AboutCloseness.Parse(suffix.Text[1..]) ?? throw Fail(QueryErrors.AboutCloseness(suffix.Column));
        }

        return new AboutNode(sentence, closeness, about.Column);
    }

    private static UpvoteComparison Comparison(string symbol) => symbol switch
    {
        ">=" => UpvoteComparison.AtLeast,
        ">" => UpvoteComparison.MoreThan,
        "<=" => UpvoteComparison.AtMost,
        "<" => UpvoteComparison.LessThan,
        _ => UpvoteComparison.Exactly,
    };

    // Error tokens count as operands so that ParsePrimary reports them where they stand.
    private static bool StartsOperand(QueryTokenKind kind) => kind is QueryTokenKind.Word or QueryTokenKind.Phrase
        or QueryTokenKind.Field or QueryTokenKind.Upvotes or QueryTokenKind.Has or QueryTokenKind.About or QueryTokenKind.OpenParen or QueryTokenKind.Minus or QueryTokenKind.Not or QueryTokenKind.Error;

    private QueryToken Next()
    {
        var token = Peek;
        _position++;
        return token;
    }

    private static QueryParseException Fail(QueryError error) => new(error);
}
