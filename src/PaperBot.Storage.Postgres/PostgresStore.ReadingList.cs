using PaperBot.Core.Channels;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    public bool Save(UserRef user, string arxivId, DateTimeOffset at) => Write((c, t) => Execute(c, t,
        "INSERT INTO saved (user_key, arxiv_id, platform, user_id, saved_ticks, saved_offset) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        user.Key, arxivId, user.Platform, user.Id, at.UtcTicks, Rows.Offset(at)) == 1);

    public bool Unsave(UserRef user, string arxivId) =>
        Write((c, t) => Execute(c, t, "DELETE FROM saved WHERE user_key = $1 AND arxiv_id = $2", user.Key, arxivId) == 1);

    // The caller's UserRef is returned as given: it carries the display name, which the store does not keep.
    public IReadOnlyList<SavedPaper> ListSaved(UserRef user) => Query(
        r => new SavedPaper(user, r.GetString(0), Rows.Instant(r, 1)!.Value),
        "SELECT arxiv_id, saved_ticks, saved_offset FROM saved WHERE user_key = $1 ORDER BY saved_ticks DESC, arxiv_id",
        user.Key);
}
