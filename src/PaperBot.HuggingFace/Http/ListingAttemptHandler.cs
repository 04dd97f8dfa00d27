namespace PaperBot.HuggingFace.Http;

/// <summary>
/// Sits inside the resilience handler, so it runs once per attempt: counts the attempt and reads the
/// whole body within the attempt's timeout. Without the second part a server that sends headers and
/// then stalls would hang the fetch outside any timeout, and a body cut off mid-way would not be retried.
/// </summary>
internal sealed class ListingAttemptHandler : DelegatingHandler
{
    /// <summary>A Daily Papers page is a few MB; anything far larger is not one.</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptCounter.Key, out var counter))
        {
            counter.Increment();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength is > MaxBodyBytes and var announced)
            {
                throw new ListingTooLargeException(announced, MaxBodyBytes);
            }

            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            // A body sent without Content-Length (chunked) that kept coming past the limit.
            response.Dispose();
            throw new ListingTooLargeException(null, MaxBodyBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
