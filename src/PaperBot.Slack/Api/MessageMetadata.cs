namespace PaperBot.Slack.Api;

/// <summary>Message metadata stored with a post, so a restarted sender can recognise its own in-doubt post.</summary>
internal sealed record MessageMetadata(string EventType, DeliveryPayload? EventPayload)
{
    public const string DeliveryEventType = "paperbot_delivery";

    public static MessageMetadata ForDelivery(string deliveryId) => new(DeliveryEventType, new DeliveryPayload(deliveryId));
}
