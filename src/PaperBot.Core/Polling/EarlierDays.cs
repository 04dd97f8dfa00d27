using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Polling;

/// <summary>
/// Fetches papers-days before the latest one, best effort: when the listing has moved on to a new day since
/// the last poll (papers added late to the previous day, or days missed while the bot was down, up to a
/// week), and, while any subscription has an upvote threshold, the days inside its window, whose upvotes
/// are still growing.
/// </summary>
public sealed class EarlierDays(IListingSource source, ILogger<EarlierDays> logger)
{
    public const int MaxCatchUpDays = 7;

    public async Task<IReadOnlyList<Paper>> FetchAsync(DateOnly? latest, DateOnly? lastRecorded, bool thresholdWindow, CancellationToken cancellationToken)
    {
        if (latest is not { } day)
        {
            return [];
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

        var papers = new List<Paper>();
        foreach (var earlier in days)
        {
            switch (await source.FetchAsync(earlier, null, cancellationToken).ConfigureAwait(false))
            {
                case ListingFetch.Listed listed:
                    papers.AddRange(listed.Papers);
                    break;
                case var other:
                    logger.LogDebug("Could not refresh the papers-day {Day}: {Result}", earlier, other);
                    break;
            }
        }

        return papers;
    }
}
