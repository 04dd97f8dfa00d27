namespace PaperBot.Core.Polling;

/// <summary>What one poll did.</summary>
public sealed record PollOutcome(bool Succeeded, int NewPapers, int DeliveriesQueued)
{
    public static PollOutcome Unchanged { get; } = new(true, 0, 0);

    public static PollOutcome Failed { get; } = new(false, 0, 0);
}
