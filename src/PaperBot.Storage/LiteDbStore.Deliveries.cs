using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public IReadOnlyList<Delivery> Pending()
    {
        var pending = nameof(DeliveryState.Pending);
        var inFlight = nameof(DeliveryState.InFlight);

        // The outbox is small; sorting in memory gives a stable tie-break that LiteDB's single OrderBy lacks.
        return Read(() => _deliveries.Find(x => x.State == pending || x.State == inFlight)
            .Select(_owed.Remember)
            .OrderBy(x => x.CreatedAt.UtcTicks)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.ToDelivery())
            .ToList());
    }

    public Delivery? FindDelivery(string id) => Read(() => _deliveries.FindById(id)?.ToDelivery());

    public ValueTask MarkSentAsync(string deliveryId, string messageId, DateTimeOffset at) => WriteAsync(() => RecordSent(deliveryId, messageId, at));

    private void RecordSent(string deliveryId, string messageId, DateTimeOffset at)
    {
        var doc = FindDeliveryDoc(deliveryId);
        doc.State = nameof(DeliveryState.Sent);
        doc.MessageId = messageId;
        doc.SentAt = InstantDoc.From(at);
        doc.Attempts++;
        _deliveries.Update(doc);
        _owed.Settled(doc);

        // A digest lists several papers, so a reaction on it cannot name one: only single-paper posts are recorded.
        if (!doc.IsDigest)
        {
            var channel = new ChannelRef(doc.Platform, doc.ChannelId);
            _posts.Upsert(PostDoc.From(new PostedMessage(channel, messageId, doc.ArxivId, at)));
        }
    }

    public ValueTask MarkAttemptFailedAsync(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt = null, bool inDoubt = false) =>
        WriteAsync(() => RecordAttemptFailed(deliveryId, error, permanent, retryAt, inDoubt));

    private void RecordAttemptFailed(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt, bool inDoubt)
    {
        var doc = FindDeliveryDoc(deliveryId);
        doc.Attempts++;
        doc.LastError = error;
        doc.State = permanent ? nameof(DeliveryState.Failed) : inDoubt ? nameof(DeliveryState.InFlight) : nameof(DeliveryState.Pending);
        doc.NextAttemptAt = InstantDoc.From(retryAt);
        _deliveries.Update(doc);
        _owed.Settled(doc);
    }

    public ValueTask MarkInFlightAsync(string deliveryId) => WriteAsync(() => ChangeState(deliveryId, DeliveryState.InFlight));

    public void Requeue(string deliveryId) => SetState(deliveryId, DeliveryState.Pending);

    private void SetState(string deliveryId, DeliveryState state) => Write(() => ChangeState(deliveryId, state));

    private void ChangeState(string deliveryId, DeliveryState state)
    {
        var doc = FindDeliveryDoc(deliveryId);
        doc.State = state.ToString();
        _deliveries.Update(doc);
        _owed.Settled(doc);
    }

    public int Enqueue(IReadOnlyList<Delivery> deliveries) => Write(() => deliveries.Count(InsertIfNew));

    /// <summary>Inserts a delivery unless one with its id exists; inside a write.</summary>
    private bool InsertIfNew(Delivery delivery)
    {
        if (_deliveries.FindById(delivery.Id) is not null)
        {
            return false;
        }

        var doc = DeliveryDoc.From(delivery);
        _deliveries.Insert(doc);
        _owed.Remember(doc);
        return true;
    }

    public PostedMessage? FindPost(ChannelRef channel, string messageId) =>
        Read(() => _posts.FindById(PostDoc.IdFor(channel, messageId))?.ToPostedMessage());

    /// <summary>Inside a write: the stored row, from <see cref="OwedDeliveries"/> when it holds it (no query then).</summary>
    private DeliveryDoc FindDeliveryDoc(string deliveryId) =>
        _owed.Find(deliveryId) ?? _deliveries.FindById(deliveryId) ?? throw new KeyNotFoundException($"No delivery with id '{deliveryId}' is stored.");
}
