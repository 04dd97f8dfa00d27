using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace PaperBot.HuggingFace.Http;

/// <summary>
/// The ETag and Last-Modified of the last good answer per URL, in memory, so the next poll can ask
/// "changed since?" and get a cheap 304. Lost on restart, which only costs one full download.
/// </summary>
internal sealed class ConditionalRequestCache
{
    // One entry per papers-day fetched; a long-running bot asked for many past days must not grow forever.
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, Validators> _byUrl = new(StringComparer.Ordinal);

    /// <summary>Adds If-None-Match / If-Modified-Since when <paramref name="url"/> was read before; true if it did.</summary>
    public bool Apply(string url, HttpRequestMessage request)
    {
        if (!_byUrl.TryGetValue(url, out var validators))
        {
            return false;
        }

        if (validators.ETag is { } etag)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = validators.LastModified;
        return true;
    }

    /// <summary>Remembers the validators of an answer that was read successfully.</summary>
    public void Remember(string url, HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        var lastModified = response.Content.Headers.LastModified;
        if (etag is null && lastModified is null)
        {
            Forget(url);
            return;
        }

        if (_byUrl.Count >= MaxEntries && !_byUrl.ContainsKey(url))
        {
            _byUrl.Clear();
        }

        _byUrl[url] = new Validators(etag, lastModified);
    }

    /// <summary>
    /// Drops what was remembered, e.g. after a layout change: a 304 would otherwise hide the broken
    /// page from every later poll.
    /// </summary>
    public void Forget(string url) => _byUrl.TryRemove(url, out _);

    private sealed record Validators(EntityTagHeaderValue? ETag, DateTimeOffset? LastModified);
}
