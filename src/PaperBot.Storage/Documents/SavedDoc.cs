using LiteDB;
using PaperBot.Core.Channels;

namespace PaperBot.Storage.Documents;

/// <summary>A row of the <c>saved</c> collection: one paper on one user's reading list.</summary>
internal sealed class SavedDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string Platform { get; set; } = "";

    public string UserId { get; set; } = "";

    public string ArxivId { get; set; } = "";

    public InstantDoc SavedAt { get; set; } = new();

    public static string IdFor(UserRef user, string arxivId) => $"{user.Key}|{arxivId}";
}
