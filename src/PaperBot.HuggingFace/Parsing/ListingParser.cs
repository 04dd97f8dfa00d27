using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// Reads a listing body (page HTML or API JSON, told apart by content) into a <see cref="ListingFetch"/>:
/// <see cref="ListingFetch.Listed"/> or <see cref="ListingFetch.LayoutChanged"/>, never an exception.
/// </summary>
internal sealed class ListingParser(ILogger<ListingParser> logger)
{
    public ListingFetch Parse(string body, ParseContext context)
    {
        try
        {
            return BodyFormats.Detect(body) switch
            {
                BodyFormat.Html => PageReader.Read(body, context, logger),
                BodyFormat.Json => JsonListingReader.Read(body, context, logger),
                _ => new ListingFetch.LayoutChanged(
                    $"the answer at {context.Source} is neither an HTML page nor JSON (it starts with \"{BodyFormats.Preview(body)}\"): the listing's format probably changed; PaperBot changed nothing"),
            };
        }
        catch (Exception ex)
        {
            // A parser bug must not take the poller down: the contract is "only cancellation throws".
            Log.ParserFailed(logger, ex, context.Source);
            return new ListingFetch.LayoutChanged($"PaperBot could not read the answer at {context.Source} ({ex.GetType().Name}: {ex.Message}); this is probably a PaperBot bug");
        }
    }
}
