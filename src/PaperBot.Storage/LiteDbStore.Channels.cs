using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public ChannelInfo? FindChannel(ChannelRef channel) =>
        Read(() => _channels.FindById(channel.Key)?.ToChannelInfo());

    public IReadOnlyList<ChannelInfo> PausedChannels() => Read(() =>
        _channels.FindAll().Where(x => x.PausedReason is not null).Select(x => x.ToChannelInfo()).OrderBy(c => c.Channel.Key, StringComparer.Ordinal).ToList());

    public void SetPaused(ChannelRef channel, string? reason, DateTimeOffset at) => Write(() =>
    {
        var doc = _channels.FindById(channel.Key) ?? ChannelDoc.New(channel);
        doc.PausedReason = reason;
        doc.PausedAt = reason is null ? null : InstantDoc.From(at);
        _channels.Upsert(doc);
    });

    public Subscription AddSubscription(ChannelRef channel, string query, string createdBy, DateTimeOffset at, SubscriptionOptions? options = null) => Write(() =>
    {
        if (_channels.FindById(channel.Key) is null)
        {
            _channels.Insert(ChannelDoc.New(channel));
        }

        var doc = new SubscriptionDoc
        {
            Id = NextSubscriptionId(),
            ChannelKey = channel.Key,
            Platform = channel.Platform,
            ChannelId = channel.Id,
            Query = query,
            CreatedBy = createdBy,
            CreatedAt = InstantDoc.From(at),
        };
        doc.SetOptions(options ?? SubscriptionOptions.Default);
        _subscriptions.Insert(doc);
        return doc.ToSubscription();
    });

    public bool RemoveSubscription(ChannelRef channel, int id) => Write(() =>
        _subscriptions.FindById(id) is { } doc && doc.ChannelKey == channel.Key && _subscriptions.Delete(id));

    public int RemoveAllSubscriptions(ChannelRef channel)
    {
        var key = channel.Key;
        return Write(() => _subscriptions.DeleteMany(x => x.ChannelKey == key));
    }

    public IReadOnlyList<Subscription> SubscriptionsOf(ChannelRef channel)
    {
        var key = channel.Key;
        return Read(() => _subscriptions.Find(x => x.ChannelKey == key)
            .OrderBy(x => x.Id)
            .Select(x => x.ToSubscription())
            .ToList());
    }

    public IReadOnlyList<Subscription> ActiveSubscriptions() => Read(() =>
    {
        // Channels are few; filtering in memory avoids relying on how LiteDB compares an absent field to null.
        var paused = _channels.FindAll().Where(x => x.PausedReason is not null).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        return _subscriptions.FindAll()
            .Where(x => !paused.Contains(x.ChannelKey))
            .OrderBy(x => x.Id)
            .Select(x => x.ToSubscription())
            .ToList();
    });

    public void RecordDigest(int subscriptionId, DateTimeOffset coveredUntil, Delivery? digest) => Write(() =>
    {
        var doc = _subscriptions.FindById(subscriptionId)
            ?? throw new KeyNotFoundException($"No subscription #{subscriptionId}.");
        doc.DigestCoveredUntil = InstantDoc.From(coveredUntil);
        _subscriptions.Update(doc);
        if (digest is not null)
        {
            InsertIfNew(digest);
        }
    });

    // Called inside a write transaction, so the increment and the insert commit together.
    private int NextSubscriptionId()
    {
        var sequence = _sequences.FindById(SequenceDoc.SubscriptionIds) ?? new SequenceDoc
        {
            Id = SequenceDoc.SubscriptionIds,
            Last = _subscriptions.Query().OrderByDescending(x => x.Id).Limit(1).FirstOrDefault()?.Id ?? 0,
        };
        sequence.Last++;
        _sequences.Upsert(sequence);
        return sequence.Last;
    }
}
