namespace PaperBot.Slack.Api;

/// <summary>The metadata payload of a paper post: which delivery it fulfils.</summary>
internal sealed record DeliveryPayload(string DeliveryId);
