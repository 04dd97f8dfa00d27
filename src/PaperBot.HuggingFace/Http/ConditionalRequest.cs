using System.Net.Http.Headers;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Http;

/// <summary>ETag / Last-Modified on the wire: "changed since?" requests and the validators of an answer.</summary>
internal static class ConditionalRequest
{
    /// <summary>Adds If-None-Match / If-Modified-Since from <paramref name="validators"/>; true if it added any.</summary>
    public static bool Apply(ListingValidators? validators, HttpRequestMessage request)
    {
        var applied = false;
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
            applied = true;
        }

        if (validators?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
            applied = true;
        }

        return applied;
    }

    /// <summary>The validators of a successful answer, or null when it sent none.</summary>
    public static ListingValidators? ValidatorsOf(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified;
        return etag is null && lastModified is null ? null : new ListingValidators(etag, lastModified);
    }
}
