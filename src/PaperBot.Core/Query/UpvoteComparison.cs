namespace PaperBot.Core.Query;

/// <summary>The comparison of an <c>upvotes</c> condition.</summary>
internal enum UpvoteComparison
{
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Exactly,
}
