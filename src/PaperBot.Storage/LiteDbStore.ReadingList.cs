using PaperBot.Core.Channels;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public bool Save(UserRef user, string arxivId, DateTimeOffset at) => Write(() =>
    {
        var id = SavedDoc.IdFor(user, arxivId);
        if (_saved.FindById(id) is not null)
        {
            return false;
        }

        _saved.Insert(new SavedDoc
        {
            Id = id,
            UserKey = user.Key,
            Platform = user.Platform,
            UserId = user.Id,
            ArxivId = arxivId,
            SavedAt = InstantDoc.From(at),
        });
        return true;
    });

    public bool Unsave(UserRef user, string arxivId) => Write(() => _saved.Delete(SavedDoc.IdFor(user, arxivId)));

    public IReadOnlyList<SavedPaper> ListSaved(UserRef user)
    {
        var key = user.Key;

        // The caller's UserRef is returned as given: it carries the display name, which the store does not keep.
        return Read(() => _saved.Find(x => x.UserKey == key)
            .OrderByDescending(x => x.SavedAt.UtcTicks)
            .ThenBy(x => x.ArxivId, StringComparer.Ordinal)
            .Select(x => new SavedPaper(user, x.ArxivId, x.SavedAt.ToDateTimeOffset()))
            .ToList());
    }
}
