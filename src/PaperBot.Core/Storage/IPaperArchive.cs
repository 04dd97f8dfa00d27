using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>Every stored paper read in slices, and papers fetched by id: what the search index is built from and pages with.</summary>
public interface IPaperArchive
{
    /// <summary>Up to <paramref name="count"/> papers with ids after <paramref name="afterArxivId"/> (ordinal order; null: from the start).</summary>
    IReadOnlyList<Paper> PapersAfter(string? afterArxivId, int count);

    /// <summary>The stored papers among <paramref name="arxivIds"/>, in no particular order.</summary>
    IReadOnlyList<Paper> FindMany(IReadOnlyCollection<string> arxivIds);

    /// <summary>
    /// A number that changes whenever a stored paper changes, read without waiting for the store; null when the store
    /// does not track it (then no command answer is remembered, see <see cref="Commands.AnswerMemory"/>).
    /// </summary>
    long? ChangeStamp => null;
}
