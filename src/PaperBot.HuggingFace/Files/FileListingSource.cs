using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Http;
using PaperBot.HuggingFace.Inspection;
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
        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            Log.UsingListingFile(logger, SafeFullPath(path));
        }

        var read = await ReadAsync(path, "HuggingFace:ListingFile", cancellationToken).ConfigureAwait(false);
        if (read.Failure is { } failure)
        {
            LogFailure(failure);
            return failure;
        }

        var result = parser.Parse(read.Body!, Context(read.Path, day));
        switch (result)
        {
            case ListingFetch.Listed listed:
                Log.Listed(logger, listed.Papers.Count, listed.Day, read.Path);
                break;
            case ListingFetch.LayoutChanged changed:
                Log.LayoutChanged(logger, changed.Reason);
                break;
        }

        return result;
    }

    /// <summary>What PaperBot understands of the file at <paramref name="path"/>, for <c>paperbot listing check</c>.</summary>
    public async Task<ListingInspection> InspectAsync(string path, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(path, "the listing file", cancellationToken).ConfigureAwait(false);
        return read.Failure is { } failure
            ? ListingInspection.ResultOnly(read.Path, failure)
            : parser.Inspect(read.Body!, Context(read.Path, null));
    }

    private ParseContext Context(string path, DateOnly? day) => new(path, day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private static async Task<(string Path, string? Body, ListingFetch? Failure)> ReadAsync(string path, string what, CancellationToken cancellationToken)
    {
        var fullPath = SafeFullPath(path);
        try
        {
            var size = new FileInfo(fullPath).Length;
            if (size > ListingAttemptHandler.MaxBodyBytes)
            {
                return (fullPath, null, new ListingFetch.LayoutChanged(
                    $"{ListingTooLargeException.Describe($"{what} {fullPath}", size, ListingAttemptHandler.MaxBodyBytes)}; " +
                    "a Daily Papers page is a few MB, so this is probably not one"));
            }

            return (fullPath, await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (fullPath, null, new ListingFetch.Unavailable($"PaperBot could not read {what} {fullPath}: {ex.Message}"));
        }
    }

    private void LogFailure(ListingFetch failure)
    {
        switch (failure)
        {
            case ListingFetch.Unavailable unavailable:
                Log.Unavailable(logger, unavailable.Reason);
                break;
            case ListingFetch.LayoutChanged changed:
                Log.LayoutChanged(logger, changed.Reason);
                break;
        }
    }

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
