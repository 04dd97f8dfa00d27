namespace PaperBot.Core.Query;

internal enum QueryTokenKind
{
    Word,
    Phrase,
    Or,
    And,
    Not,

    /// <summary>A '-' written directly before a word, phrase or '('.</summary>
    Minus,
    OpenParen,
    CloseParen,
    End,

    /// <summary>
    /// A lexing error (an unclosed quote, a lone '-'). It is a token rather than an exception so that the
    /// parser reports whichever problem comes first from the left.
    /// </summary>
    Error,
}
