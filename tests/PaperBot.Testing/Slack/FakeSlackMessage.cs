namespace PaperBot.Testing.Slack;

/// <summary>One message the fake Slack posted: where, its ts, and the PaperBot delivery id from its metadata (if any).</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? DeliveryId);
