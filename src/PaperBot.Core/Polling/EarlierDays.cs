using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Polling;

/// <summary>
/// Fetches papers-days before the latest one, best effort: when the listing has moved on to a new day since
/// the last poll (papers added late to the previous day, or days missed while the bot was down, up to a
/// week), and, while any subscription has an upvote threshold, the days inside its window, whose upvotes
/// are still growing; and, after a store upgrade, the days from <see cref="Storage.PollState.RecheckFrom"/> on, so that
/// stored papers with an estimated day get the day the listing names.
/// </summary>
public sealed class EarlierDays(IListingSource source, ILogger<EarlierDays> logger)
{
    public const int MaxCatchUpDays = 7;

    /// <returns>The papers of the earlier days, and whether every day from <paramref name="recheckFrom"/> on was read.</returns>
    public async Task<Earlier> FetchAsync(DateOnly? latest, DateOnly? lastRecorded, bool thresholdWindow, DateOnly? recheckFrom, CancellationToken cancellationToken)
    {
        if (latest is not { } day)
        {
            return new Earlier([], recheckFrom is null);
        }

        var days = new SortedSet<DateOnly>();
        if (lastRecorded is { } last && last < day)
        {
            for (var d = last < day.AddDays(-MaxCatchUpDays) ? day.AddDays(-MaxCatchUpDays) : last; d < day; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }

        if (thresholdWindow)
        {
            for (var d = day.AddDays(-Channels.SubscriptionOptions.ThresholdWindowDays); d < day; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }

        var recheck = new SortedSet<DateOnly>();
        if (recheckFrom is { } from)
        {
            for (var d = from < day.AddDays(-MaxCatchUpDays) ? day.AddDays(-MaxCatchUpDays) : from; d < day; d = d.AddDays(1))
            {
                recheck.Add(d);
            }

            days.UnionWith(recheck);
        }

        var papers = new List<Paper>();
        foreach (var earlier in days)
        {
            switch (await source.FetchAsync(earlier, null, cancellationToken).ConfigureAwait(false))
            {
                case ListingFetch.Listed listed:
                    papers.AddRange(listed.Papers);
                    recheck.Remove(earlier);
                    break;
                case var other:
                    logger.LogDebug("Could not refresh the papers-day {Day}: {Result}", earlier, other);
                    break;
            }
        }

        if (recheckFrom is not null)
        {
            if (recheck.Count == 0)
            {
                logger.LogInformation("Read the papers-days since {From} again: stored papers now have the day the listing names", recheckFrom);
            }
            else
            {
                logger.LogWarning("Could not read the papers-days {Days} again to correct stored papers' days; the next poll tries again",
                    string.Join(", ", recheck));
            }
        }

        return new Earlier(papers, recheck.Count == 0);
    }

    /// <param name="RecheckDone">True when no re-read asked for is still owed.</param>
    public sealed record Earlier(IReadOnlyList<Paper> Papers, bool RecheckDone);
}
