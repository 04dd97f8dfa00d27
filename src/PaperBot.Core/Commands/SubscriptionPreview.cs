using PaperBot.Core.Papers;

namespace PaperBot.Core.Commands;

/// <summary>
/// What a new subscription would have matched among the stored papers of the last <paramref name="Days"/> days, so
/// that the query can be tuned before it posts anything.
/// </summary>
/// <param name="Matched">How many papers it would have matched.</param>
/// <param name="Top">The best three matches: the closest in meaning for an about: query, otherwise the most upvoted.</param>
/// <param name="Threshold">For an about: query, the closeness it asks for; null for a query by words.</param>
/// <param name="ClosestMiss">For an about: query, the closest paper it did not match (to see how far off the threshold is).</param>
/// <param name="WithoutVector">Papers of those days still waiting for their vector, which the preview could not judge by meaning.</param>
public sealed record SubscriptionPreview(int Days, int Matched, IReadOnlyList<PreviewPaper> Top, float? Threshold, PreviewPaper? ClosestMiss, int WithoutVector);
