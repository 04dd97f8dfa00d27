using System.Runtime.InteropServices;
using LiteDB;
using PaperBot.Core.Channels;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

/// <summary>
/// Everything the store holds, read in id-ordered slices (one lock each, so a large store is never in memory at once),
/// for <c>paperbot storage migrate</c>. The ports cover what the bot needs; these cover what a copy needs besides.
/// </summary>
public sealed partial class LiteDbStore
{
    public StoreCounts CountAll() => Read(() => new StoreCounts(
        _papers.LongCount(), _channels.LongCount(), _subscriptions.LongCount(), _deliveries.LongCount(), _posts.LongCount(), _saved.LongCount(),
        _inboundEvents.LongCount(), Embeddings.LongCount(), _pollState.FindById(PollStateDoc.Key) is not null));

    public IReadOnlyList<StoredPaper> ExportPapers(string? afterArxivId, int count) =>
        Slice(_papers, afterArxivId, count, d => new StoredPaper(d.ToPaper(), d.FirstSeenAt?.ToDateTimeOffset()));

    public IReadOnlyList<Delivery> ExportDeliveries(string? afterId, int count) => Slice(_deliveries, afterId, count, d => d.ToDelivery());

    /// <summary>Posted messages; the slice key is the last one's <c>channel key|message id</c>.</summary>
    public IReadOnlyList<PostedMessage> ExportPosts(string? afterKey, int count) => Slice(_posts, afterKey, count, d => d.ToPostedMessage());

    public static string PostKey(PostedMessage post) => PostDoc.IdFor(post.Channel, post.MessageId);

    /// <summary>Reading-list entries (users without display names); the slice key is the last one's <c>user key|arXiv id</c>.</summary>
    public IReadOnlyList<SavedPaper> ExportSaved(string? afterKey, int count) =>
        Slice(_saved, afterKey, count, d => new SavedPaper(new UserRef(d.Platform, d.UserId), d.ArxivId, d.SavedAt.ToDateTimeOffset()));

    public static string SavedKey(SavedPaper saved) => SavedDoc.IdFor(saved.User, saved.ArxivId);

    public IReadOnlyList<(string Key, DateTimeOffset At)> ExportInboundEvents(string? afterKey, int count) =>
        Slice(_inboundEvents, afterKey, count, d => (d.Id, d.At.ToDateTimeOffset()));

    public IReadOnlyList<PaperEmbedding> ExportEmbeddings(string? afterArxivId, int count) => Slice(Embeddings, afterArxivId, count,
        d => new PaperEmbedding(d.Id, d.Model, MemoryMarshal.Cast<byte, float>(d.Vector.AsSpan()).ToArray()));

    /// <summary>The highest subscription id ever handed out (removed ones included), so a copy never hands it out again.</summary>
    public int LastSubscriptionId() => Read(() =>
        Math.Max(
            _sequences.FindById(SequenceDoc.SubscriptionIds)?.Last ?? 0,
            _subscriptions.Query().OrderByDescending(x => x.Id).Limit(1).FirstOrDefault()?.Id ?? 0));

    private List<T> Slice<TDoc, T>(ILiteCollection<TDoc> collection, string? after, int count, Func<TDoc, T> map)
    {
        var where = BsonExpression.Create("_id > @0", new BsonValue(after ?? ""));
        return Read(() => collection.Query().Where(where).OrderBy(BsonExpression.Create("_id")).Limit(count).ToList().Select(map).ToList());
    }
}
