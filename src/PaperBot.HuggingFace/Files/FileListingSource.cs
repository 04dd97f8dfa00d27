using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace.Files;

/// <summary>
/// The listing from a saved page or API response (<see cref="HuggingFaceOptions.ListingFile"/>), for
/// offline runs and demos. The file is read on every fetch so it can be replaced while the bot runs,
/// and its content is returned whatever day is asked for: the file is the listing.
/// </summary>
internal sealed class FileListingSource(
    IOptions<HuggingFaceOptions> options,
    ListingParser parser,
    TimeProvider time,
    ILogger<FileListingSource> logger) : IListingSource
{
    private int _announced;

    // Validators are ignored: reading a local file costs nothing, and it is always read in full.
    public async Task<ListingFetch> FetchAsync(DateOnly? day, ListingValidators? validators, CancellationToken cancellationToken)
    {
        // Relative paths resolve against the working directory, as the start-up check did.
        var path = options.Value.ListingFile ?? "";
        string body;
        try
        {
            path = Path.GetFullPath(path);
            if (Interlocked.Exchange(ref _announced, 1) == 0)
            {
                Log.UsingListingFile(logger, path);
            }

            body = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = $"PaperBot could not read HuggingFace:ListingFile {path}: {ex.Message}";
            Log.Unavailable(logger, reason);
            return new ListingFetch.Unavailable(reason);
        }

        var result = parser.Parse(body, new ParseContext(path, day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        switch (result)
        {
            case ListingFetch.Listed listed:
                Log.Listed(logger, listed.Papers.Count, listed.Day, path);
                break;
            case ListingFetch.LayoutChanged changed:
                Log.LayoutChanged(logger, changed.Reason);
                break;
        }

        return result;
    }
}
