using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Inspection;
using PaperBot.HuggingFace.Parsing;
using Polly.Timeout;

namespace PaperBot.HuggingFace.Http;

/// <summary>
/// The listing over HTTP (typed client): conditional GETs of the page or the API; retries and timeouts
/// come from the resilience handler configured in <see cref="ListingResilience"/>. It keeps no state: the
/// caller passes the validators of the listing it last recorded and gets the new ones with each listing.
/// </summary>
internal sealed class HuggingFaceListingClient(
    HttpClient http,
    IOptions<HuggingFaceOptions> options,
    ListingParser parser,
    TimeProvider time,
    ILogger<HuggingFaceListingClient> logger) : IListingSource
{
    public async Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken) =>
        (await GetAsync(ListingUrls.For(options.Value, day), day, validators, inspect: false, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>What PaperBot understands of the listing at <paramref name="url"/> (any page or API address), for <c>paperbot listing check</c>.</summary>
    public Task<ListingInspection> InspectAsync(string url, CancellationToken cancellationToken) =>
        GetAsync(url, null, null, inspect: true, cancellationToken);

    private async Task<ListingInspection> GetAsync(string url, DateOnly? day, ListingValidators? validators, bool inspect, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = new AttemptCounter();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(AttemptCounter.Key, attempts);
        request.Headers.Accept.ParseAdd(settings.Mode == ListingMode.Api ? "application/json" : "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        if (!string.IsNullOrWhiteSpace(settings.ApiToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiToken.Trim());
        }

        var conditional = ConditionalRequest.Apply(validators, request);
        Log.Fetching(logger, url, settings.Mode, conditional);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ListingTooLargeException ex)
        {
            return ListingInspection.ResultOnly(url, TooLarge(ex, url, log: !inspect));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            return ListingInspection.ResultOnly(url, Unavailable(UnavailableReasons.ForException(ex, url, attempts.Count, settings.RequestTimeout), log: !inspect));
        }

        using (response)
        {
            return await ReadAsync(response, url, day, attempts.Count, inspect, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ListingInspection> ReadAsync(HttpResponseMessage response, string url, DateOnly? day, int attempts, bool inspect, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Log.NotModified(logger, url);
            return ListingInspection.ResultOnly(url, new ListingFetch.NotModified());
        }

        if (!response.IsSuccessStatusCode)
        {
            return ListingInspection.ResultOnly(url,
                Unavailable(UnavailableReasons.ForStatus(response, url, attempts, time, !string.IsNullOrWhiteSpace(options.Value.ApiToken)), log: !inspect));
        }

        // Already buffered by ListingAttemptHandler, so this decodes (charset from Content-Type, else UTF-8) without I/O.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var context = new ParseContext(url, day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (inspect)
        {
            return parser.Inspect(body, context);
        }

        var result = parser.Parse(body, context);
        switch (result)
        {
            case ListingFetch.Listed listed:
                Log.Listed(logger, listed.Papers.Count, listed.Day, url);
                result = listed with { Validators = ConditionalRequest.ValidatorsOf(response) };
                break;
            case ListingFetch.LayoutChanged changed:
                Log.LayoutChanged(logger, changed.Reason);
                break;
        }

        return ListingInspection.ResultOnly(url, result);
    }

    // A body that large is not a Daily Papers page (a few MB at most): reported like any other layout change.
    private ListingFetch.LayoutChanged TooLarge(ListingTooLargeException ex, string url, bool log)
    {
        var reason = $"{ListingTooLargeException.Describe($"the listing page at {url}", ex.Size, ex.Limit)}; a Daily Papers page is a few MB, " +
            "so this is probably not one (check HuggingFace:BaseUrl); PaperBot changed nothing";
        if (log)
        {
            Log.LayoutChanged(logger, reason);
        }

        return new ListingFetch.LayoutChanged(reason);
    }

    private ListingFetch.Unavailable Unavailable(string reason, bool log)
    {
        if (log)
        {
            Log.Unavailable(logger, reason);
        }

        return new ListingFetch.Unavailable(reason);
    }
}
