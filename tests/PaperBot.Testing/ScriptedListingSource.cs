using System.Collections.Concurrent;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>A hand-written listing source: answers each fetch with the next scripted result, then repeats the last.</summary>
public sealed class ScriptedListingSource : IListingSource
{
    private readonly ConcurrentQueue<ListingFetch> _script = new();
    private ListingFetch _last = new ListingFetch.Unavailable("nothing scripted");

    private readonly ConcurrentDictionary<DateOnly, ListingFetch> _days = new();

    /// <summary>Fetches of the latest day.</summary>
    public int Fetches { get; private set; }

    /// <summary>Every specific day asked for, in order.</summary>
    public ConcurrentQueue<DateOnly> DaysFetched { get; } = new();

    /// <summary>The validators passed to the latest fetch.</summary>
    public ListingValidators? LastValidators { get; private set; }

    public ScriptedListingSource Then(ListingFetch result)
    {
        _script.Enqueue(result);
        return this;
    }

    /// <summary>What a fetch of one specific day answers (a day not set answers Unavailable).</summary>
    public ScriptedListingSource ForDay(DateOnly day, params Paper[] papers)
    {
        _days[day] = new ListingFetch.Listed(day, papers);
        return this;
    }

    /// <summary>A fetch of <paramref name="day"/> answers Unavailable.</summary>
    public ScriptedListingSource ForDayUnreachable(DateOnly day)
    {
        _days[day] = new ListingFetch.Unavailable($"{day} is scripted as unreachable");
        return this;
    }

    public ScriptedListingSource ThenListed(params Paper[] papers) =>
        Then(new ListingFetch.Listed(papers.Select(p => (DateOnly?)p.ListedOn).Max(), papers));

    public Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken)
    {
        if (day is { } specific)
        {
            DaysFetched.Enqueue(specific);
            return Task.FromResult(_days.TryGetValue(specific, out var result) ? result : new ListingFetch.Unavailable($"no page scripted for {specific}"));
        }

        Fetches++;
        LastValidators = validators;
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        return Task.FromResult(_last);
    }
}
