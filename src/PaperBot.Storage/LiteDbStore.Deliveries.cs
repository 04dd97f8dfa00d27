using LiteDB;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public IReadOnlyList<Delivery> Pending()
    {
        var owed = BsonExpression.Create("State = @0 OR State = @1", nameof(DeliveryState.Pending), nameof(DeliveryState.InFlight));

        // The outbox is small; sorting in memory gives a stable tie-break that LiteDB's single OrderBy lacks.
        return Read(() => _deliveryRows.Find(owed)
            .Select(row => StoreMapper.Instance.ToObject<DeliveryDoc>(_owed.Remember(row)))
            .OrderBy(x => x.CreatedAt.UtcTicks)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.ToDelivery())
            .ToList());
    }

    public Delivery? FindDelivery(string id) => Read(() => _deliveries.FindById(id)?.ToDelivery());

    public ValueTask MarkSentAsync(string deliveryId, string messageId, DateTimeOffset at) => WriteAsync(() => RecordSent(deliveryId, messageId, at));

    private void RecordSent(string deliveryId, string messageId, DateTimeOffset at)
    {
        var row = FindDeliveryRow(deliveryId);
        DeliveryRow.SetState(row, DeliveryState.Sent);
        DeliveryRow.Set(row, nameof(DeliveryDoc.MessageId), messageId);
        DeliveryRow.Set(row, nameof(DeliveryDoc.SentAt), DeliveryRow.Instant(at));
        DeliveryRow.CountAttempt(row);
        Update(row);

        // A digest lists several papers, so a reaction on it cannot name one: only single-paper posts are recorded.
        if (!DeliveryRow.IsDigest(row))
        {
            var channel = new ChannelRef(DeliveryRow.Text(row, nameof(DeliveryDoc.Platform)), DeliveryRow.Text(row, nameof(DeliveryDoc.ChannelId)));
            _postRows.Upsert(PostDoc.Row(new PostedMessage(channel, messageId, DeliveryRow.Text(row, nameof(DeliveryDoc.ArxivId)), at)));
        }
    }

    public ValueTask MarkAttemptFailedAsync(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt = null, bool inDoubt = false) =>
        WriteAsync(() => RecordAttemptFailed(deliveryId, error, permanent, retryAt, inDoubt));

    private void RecordAttemptFailed(string deliveryId, string error, bool permanent, DateTimeOffset? retryAt, bool inDoubt)
    {
        var row = FindDeliveryRow(deliveryId);
        DeliveryRow.CountAttempt(row);
        DeliveryRow.Set(row, nameof(DeliveryDoc.LastError), error);
        DeliveryRow.SetState(row, permanent ? DeliveryState.Failed : inDoubt ? DeliveryState.InFlight : DeliveryState.Pending);
        DeliveryRow.Set(row, nameof(DeliveryDoc.NextAttemptAt), DeliveryRow.Instant(retryAt));
        Update(row);
    }

    public ValueTask MarkInFlightAsync(string deliveryId) => WriteAsync(() => ChangeState(deliveryId, DeliveryState.InFlight));

    public void Requeue(string deliveryId) => SetState(deliveryId, DeliveryState.Pending);

    private void SetState(string deliveryId, DeliveryState state) => Write(() => ChangeState(deliveryId, state));

    private void ChangeState(string deliveryId, DeliveryState state)
    {
        var row = FindDeliveryRow(deliveryId);
        DeliveryRow.SetState(row, state);
        Update(row);
    }

    public int Enqueue(IReadOnlyList<Delivery> deliveries) => Write(() => deliveries.Count(InsertIfNew));

    /// <summary>Inserts a delivery unless one with its id exists; inside a write.</summary>
    private bool InsertIfNew(Delivery delivery)
    {
        if (_deliveries.FindById(delivery.Id) is not null)
        {
            return false;
        }

        var row = StoreMapper.Instance.ToDocument(DeliveryDoc.From(delivery));
        _deliveryRows.Insert(row);
        _owed.Remember(row);
        return true;
    }

    public PostedMessage? FindPost(ChannelRef channel, string messageId) =>
        Read(() => _posts.FindById(PostDoc.IdFor(channel, messageId))?.ToPostedMessage());

    /// <summary>Inside a write: the stored row, from <see cref="OwedDeliveries"/> when it holds it (no query then).</summary>
    private BsonDocument FindDeliveryRow(string deliveryId) =>
        _owed.Find(deliveryId) ?? _deliveryRows.FindById(deliveryId) ?? throw new KeyNotFoundException($"No delivery with id '{deliveryId}' is stored.");

    /// <summary>Inside a write: stores a changed row and keeps it remembered while it is owed.</summary>
    private void Update(BsonDocument row)
    {
        _deliveryRows.Update(row);
        _owed.Remember(row);
    }
}
