using System.ComponentModel.DataAnnotations;

namespace PaperBot.Core.Outbox;

/// <summary>The <c>Delivery</c> configuration section.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>
    /// At most this many instant posts per channel from one poll (after downtime, or on a very busy day); the rest
    /// arrive as one "N more papers while I was away" summary.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Delivery:CatchUpLimit must be a whole number from 1 to 100, such as 10")]
    public int CatchUpLimit { get; set; } = 10;

    /// <summary>First wait after a transient failure; it doubles per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Delivery:RetryBaseDelay must be between 00:00:01 and 01:00:00, such as 00:00:30")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Delivery:MaxRetryDelay must be between 00:00:01 and 1.00:00:00, such as 01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many posts are in progress at once, over all channels and platforms. A channel waiting for its own rate
    /// limit (Slack: about one post a second per channel) holds no slot, nor does a delivery whose state is being
    /// written, so this bounds calls to the platforms (connections), not how many channels are served side by side.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Delivery:ParallelSends must be a whole number from 1 to 256, such as 16")]
    public int ParallelSends { get; set; } = 16;
}
