using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
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
    public async Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = ListingUrls.For(settings, day);
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
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            return Unavailable(UnavailableReasons.ForException(ex, url, attempts.Count, settings.RequestTimeout));
        }

        using (response)
        {
            return await ReadAsync(response, url, day, attempts.Count, settings, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ListingFetch> ReadAsync(HttpResponseMessage response, string url, DateOnly? day, int attempts, HuggingFaceOptions settings, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Log.NotModified(logger, url);
            return new ListingFetch.NotModified();
        }

        if (!response.IsSuccessStatusCode)
        {
            return Unavailable(UnavailableReasons.ForStatus(response, url, attempts, time, !string.IsNullOrWhiteSpace(settings.ApiToken)));
        }

        // Already buffered by ListingAttemptHandler, so this decodes (charset from Content-Type, else UTF-8) without I/O.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var result = parser.Parse(body, new ParseContext(url, day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        switch (result)
        {
            case ListingFetch.Listed listed:
                Log.Listed(logger, listed.Papers.Count, listed.Day, url);
                return listed with { Validators = ConditionalRequest.ValidatorsOf(response) };
            case ListingFetch.LayoutChanged changed:
                Log.LayoutChanged(logger, changed.Reason);
                break;
        }

        return result;
    }

    private ListingFetch.Unavailable Unavailable(string reason)
    {
        Log.Unavailable(logger, reason);
        return new ListingFetch.Unavailable(reason);
    }
}
