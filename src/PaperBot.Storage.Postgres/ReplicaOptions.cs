using System.ComponentModel.DataAnnotations;

namespace PaperBot.Storage.Postgres;

/// <summary>The <c>Replicas</c> configuration section: how replicas on one PostgreSQL database share the work.</summary>
public sealed class ReplicaOptions
{
    public const string SectionName = "Replicas";

    /// <summary>
    /// How long the leader's lease and a channel's delivery lease last without renewal; every replica beats (and renews)
    /// three times in it. A dead replica's work is taken over within about this plus one beat.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Replicas:LeaseDuration must be between 00:00:01 and 00:10:00 (hh:mm:ss), such as 00:00:30")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}
