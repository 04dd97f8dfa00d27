namespace PaperBot.Core.Tests.Query;

/// <summary>The outermost operator of a <see cref="GeneratedQuery"/>.</summary>
internal enum GeneratedShape
{
    Term,
    Not,
    And,
    Or,
}
