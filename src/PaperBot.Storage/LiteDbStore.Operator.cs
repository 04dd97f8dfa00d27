using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore : IOperatorStore
{
    public OutboxCounts CountOutbox()
    {
        var pending = nameof(DeliveryState.Pending);
        var inFlight = nameof(DeliveryState.InFlight);
        var failed = nameof(DeliveryState.Failed);
        return Read(() => new OutboxCounts(
            _deliveries.Count(x => x.State == pending),
            _deliveries.Count(x => x.State == inFlight),
            _deliveries.Count(x => x.State == failed)));
    }

    public IReadOnlyList<Delivery> DeliveriesIn(DeliveryState state, int limit)
    {
        var name = state.ToString();
        return Read(() => _deliveries.Find(x => x.State == name)
            .OrderByDescending(x => x.CreatedAt.UtcTicks)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.ToDelivery())
            .ToList());
    }

    public IReadOnlyList<Delivery> LatestSent(int limit) => Read(() =>
    {
        // The index on the send time (made at open) keeps this one page of rows however long the history grows.
        return _deliveries.Query()
            .Where("$.SentAt.UtcTicks > 0")
            .OrderByDescending("$.SentAt.UtcTicks")
            .Limit(limit)
            .ToEnumerable()
            .Select(x => x.ToDelivery())
            .ToList();
    });

    public bool RetryFailed(string deliveryId) => Write(() =>
    {
        if (_deliveries.FindById(deliveryId) is not { } doc || doc.State != nameof(DeliveryState.Failed))
        {
            return false;
        }

        doc.State = nameof(DeliveryState.Pending);
        doc.Attempts = 0;
        doc.NextAttemptAt = null;
        _deliveries.Update(doc);
        _owed.Forget(deliveryId);
        return true;
    });

    public IReadOnlyList<ChannelInfo> AllChannels() => Read(() =>
        _channels.FindAll().Select(x => x.ToChannelInfo()).OrderBy(c => c.Channel.Key, StringComparer.Ordinal).ToList());

    public IReadOnlyList<Subscription> AllSubscriptions() => Read(() =>
        _subscriptions.FindAll().OrderBy(x => x.Id).Select(x => x.ToSubscription()).ToList());
}
