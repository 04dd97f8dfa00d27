using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Polly.Timeout;

namespace PaperBot.HuggingFace.Http;

/// <summary>Operator-readable reasons for <see cref="Core.Listing.ListingFetch.Unavailable"/>. They never contain the token.</summary>
internal static partial class UnavailableReasons
{
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();

    public static string ForStatus(HttpResponseMessage response, string url, int attempts, TimeProvider time, bool hasToken)
    {
        var status = (int)response.StatusCode;
        var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase)
            ? WordBoundary().Replace(response.StatusCode.ToString(), " ")
            : response.ReasonPhrase;
        var reason = $"Hugging Face answered {status} {phrase} for {url} after {Attempts(attempts)}";
        if (RetryAfter.Read(response, time) is { } wait && wait > RetryAfter.Cap)
        {
            reason += $" and asked PaperBot to wait {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; the next poll will try again";
        }
        else if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            reason += hasToken
                ? "; check HuggingFace:ApiToken (it may be expired or revoked) or remove it to poll anonymously"
                : "; Hugging Face may require a token: set HuggingFace:ApiToken";
        }
        else if (response.StatusCode == HttpStatusCode.NotFound)
        {
            reason += "; check HuggingFace:BaseUrl and HuggingFace:Mode";
        }

        return reason;
    }

    public static string ForException(Exception exception, string url, int attempts, TimeSpan requestTimeout) => exception switch
    {
        TimeoutRejectedException or OperationCanceledException =>
            $"Hugging Face did not answer {url} within {Seconds(requestTimeout)} (HuggingFace:RequestTimeout) after {Attempts(attempts)}",
        _ => $"PaperBot could not reach {url} after {Attempts(attempts)}: {Describe(exception)}",
    };

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    // HttpRequestException often says "An error occurred while sending the request." and keeps the useful
    // part ("The response ended prematurely") in its inner exception.
    private static string Describe(Exception exception)
    {
        var message = exception.Message;
        return exception.InnerException is { Message: { Length: > 0 } inner } && !message.Contains(inner, StringComparison.Ordinal)
            ? $"{message} ({inner})"
            : message;
    }
}
