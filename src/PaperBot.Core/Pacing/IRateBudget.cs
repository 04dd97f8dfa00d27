namespace PaperBot.Core.Pacing;

/// <summary>
/// A rate limit that belongs to something every replica shares, not to one process: Discord's 50 requests a second
/// belong to the bot token, and Slack's reactions.add allowance to the app in its workspace, so replicas posting at once
/// must split them or earn 429s. One process keeps it in
/// memory (<see cref="InProcessRateBudget"/>); replicas on PostgreSQL keep it in the database.
/// </summary>
public interface IRateBudget
{
    /// <summary>
    /// Waits for one request's turn in the budget <paramref name="name"/>, kept to <paramref name="rule"/>. A
    /// <paramref name="spare"/> request takes only turns no ordinary request of this process is waiting for.
    /// </summary>
    Task TakeAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a turn of the budget <paramref name="name"/> only if one is free now, never waiting: for requests that
    /// are skipped rather than delayed when the budget is spent (Slack's save-hint reactions).
    /// </summary>
    ValueTask<bool> TryTakeAsync(string name, RateRule rule, CancellationToken cancellationToken);

    /// <summary>The platform answered a 429 for the whole budget: nobody spends it for <paramref name="wait"/>.</summary>
    void Hold(string name, TimeSpan wait);
}
