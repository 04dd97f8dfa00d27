using PaperBot.Core.Channels;

namespace PaperBot.Core.Storage;

/// <summary>Each user's private reading list.</summary>
public interface IReadingListStore
{
    /// <summary>Saves a paper; false when it was already on the list (the first save date is kept).</summary>
    bool Save(UserRef user, string arxivId, DateTimeOffset at);

    /// <summary>Removes a paper; false when it was not on the list.</summary>
    bool Unsave(UserRef user, string arxivId);

    /// <summary>The user's list, most recently saved first.</summary>
    IReadOnlyList<SavedPaper> ListSaved(UserRef user);
}
