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

    /// <summary>A field prefix ("title:"); <c>Text</c> is its canonical name and a Word or Phrase follows.</summary>
    Field,

    /// <summary>"upvotes&gt;=N": <c>Text</c> is the comparison symbol, <c>Number</c> the count.</summary>
    Upvotes,

    /// <summary>"has:code" or "has:project": <c>Text</c> is "code" or "project".</summary>
    Has,

    /// <summary>"about:" followed by a quoted sentence (the next token, a Phrase).</summary>
    About,
    OpenParen,
    CloseParen,
    End,

    /// <summary>
    /// A lexing error (an unclosed quote, a lone '-'). It is a token rather than an exception so that the
    /// parser reports whichever problem comes first from the left.
    /// </summary>
    Error,
}
