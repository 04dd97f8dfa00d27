namespace PaperBot.Core.Outbox;

/// <summary>
/// What one delivery round did: how many deliveries it sent, and the earliest instant a delivery it left owed
/// becomes due again (a retry's <c>NextAttemptAt</c>), or null when nothing it saw is waiting on a time.
/// </summary>
public sealed record DeliveryRound(int Sent, DateTimeOffset? NextDueAt);
