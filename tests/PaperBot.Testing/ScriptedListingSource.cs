using System.Collections.Concurrent;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;

namespace PaperBot.Testing;

/// <summary>A hand-written listing source: answers each fetch with the next scripted result, then repeats the last.</summary>
public sealed class ScriptedListingSource : IListingSource
{
    private readonly ConcurrentQueue<ListingFetch> _script = new();
    private ListingFetch _last = new ListingFetch.Unavailable("nothing scripted");

    public int Fetches { get; private set; }

    /// <summary>The validators passed to the latest fetch.</summary>
    public ListingValidators? LastValidators { get; private set; }

    public ScriptedListingSource Then(ListingFetch result)
    {
        _script.Enqueue(result);
        return this;
    }

    public ScriptedListingSource ThenListed(params Paper[] papers) =>
        Then(new ListingFetch.Listed(papers.Select(p => (DateOnly?)p.ListedOn).Max(), papers));

    public Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken)
    {
        Fetches++;
        LastValidators = validators;
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        return Task.FromResult(_last);
    }
}
