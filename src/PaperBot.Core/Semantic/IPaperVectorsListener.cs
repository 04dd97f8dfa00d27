using PaperBot.Core.Papers;

namespace PaperBot.Core.Semantic;

/// <summary>
/// Told about paper vectors just computed, before they are stored. Work owed to a paper once it has a vector
/// (posting it to the channels whose about: subscriptions it matches) is done here, so it is done exactly once: if
/// PaperBot stops before the vectors are stored, they are computed again after the restart and the work is
/// repeated, which must be harmless (deliveries are unique per channel and paper).
/// </summary>
public interface IPaperVectorsListener
{
    /// <param name="vectors">The vectors the embeddings will join (to score sentences against the store).</param>
    Task OnComputedAsync(PaperVectors vectors, IReadOnlyList<Paper> papers, IReadOnlyList<PaperEmbedding> embeddings, CancellationToken cancellationToken);
}
