namespace PaperBot.Discord.Rest;

/// <summary>What the last response said about one rate-limit bucket.</summary>
internal sealed class BucketState
{
    public int Remaining { get; set; } = 1;

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>A 429 for this route blocks it until then.</summary>
    public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
}
