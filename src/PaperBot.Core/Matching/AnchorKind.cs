namespace PaperBot.Core.Matching;

internal enum AnchorKind
{
    /// <summary>A stem of the paper's title, abstract or keywords.</summary>
    Stem,

    /// <summary>A folded word of the paper's authors or organization.</summary>
    Name,

    /// <summary>An upvote count of at least <see cref="Anchor.Floor"/>.</summary>
    Upvotes,
}
