using LiteDB;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Documents;

/// <summary>
/// A row of the <c>deliveries</c> collection. <see cref="State"/> is the enum's name so that the file reads
/// plainly and reordering the enum cannot change stored meaning.
/// </summary>
internal sealed class DeliveryDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string ArxivId { get; set; } = "";

    public List<string> Topics { get; set; } = [];

    public string State { get; set; } = "";

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public string? MessageId { get; set; }

    public InstantDoc CreatedAt { get; set; } = new();

    public InstantDoc? SentAt { get; set; }

    /// <summary>The <see cref="DeliveryKind"/> name; absent (null) in rows written before digests existed.</summary>
    public string? Kind { get; set; }

    public List<string> DigestPapers { get; set; } = [];

    public string? Heading { get; set; }

    public InstantDoc? NextAttemptAt { get; set; }

    public bool IsDigest => Kind == nameof(DeliveryKind.Digest);

    public static DeliveryDoc From(Delivery delivery) => new()
    {
        Id = delivery.Id,
        Platform = delivery.Channel.Platform,
        ChannelId = delivery.Channel.Id,
        ArxivId = delivery.ArxivId,
        Topics = [.. delivery.Topics],
        State = delivery.State.ToString(),
        Attempts = delivery.Attempts,
        LastError = delivery.LastError,
        MessageId = delivery.MessageId,
        CreatedAt = InstantDoc.From(delivery.CreatedAt),
        SentAt = InstantDoc.From(delivery.SentAt),
        Kind = delivery.Kind.ToString(),
        DigestPapers = [.. delivery.DigestPapers],
        Heading = delivery.Heading,
        NextAttemptAt = InstantDoc.From(delivery.NextAttemptAt),
    };

    public Delivery ToDelivery() => new(
        Id,
        new ChannelRef(Platform, ChannelId),
        ArxivId,
        Topics,
        Enum.Parse<DeliveryState>(State),
        Attempts,
        LastError,
        MessageId,
        CreatedAt.ToDateTimeOffset(),
        SentAt?.ToDateTimeOffset())
    {
        Kind = Kind is null ? DeliveryKind.Paper : Enum.Parse<DeliveryKind>(Kind),
        DigestPapers = DigestPapers,
        Heading = Heading,
        NextAttemptAt = NextAttemptAt?.ToDateTimeOffset(),
    };
}
