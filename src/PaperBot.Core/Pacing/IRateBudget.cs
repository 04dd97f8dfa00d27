namespace PaperBot.Core.Pacing;

/// <summary>
/// A rate limit that belongs to something every replica shares, not to one process: Discord's 50 requests a second
/// belong to the bot token, so replicas posting at once must split them or earn global 429s. One process keeps it in
/// memory (<see cref="InProcessRateBudget"/>); replicas on PostgreSQL keep it in the database.
/// </summary>
public interface IRateBudget
{
    /// <summary>
    /// Waits for one request's turn in the budget <paramref name="name"/>, kept to <paramref name="rule"/>. A
    /// <paramref name="spare"/> request takes only turns no ordinary request of this process is waiting for.
    /// </summary>
    Task TakeAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken);

    /// <summary>The platform answered a 429 for the whole budget: nobody spends it for <paramref name="wait"/>.</summary>
    void Hold(string name, TimeSpan wait);
}
