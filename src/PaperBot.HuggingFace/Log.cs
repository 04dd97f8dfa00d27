using Microsoft.Extensions.Logging;

namespace PaperBot.HuggingFace;

/// <summary>Every log line of the listing source, as compiled message templates (no token ever appears in one).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Fetching the Daily Papers listing from {Url} ({Mode} mode, conditional: {Conditional})")]
    public static partial void Fetching(ILogger logger, string url, ListingMode mode, bool conditional);

    [LoggerMessage(2, LogLevel.Debug, "{Url} has not changed since the last fetch (304 Not Modified)")]
    public static partial void NotModified(ILogger logger, string url);

    [LoggerMessage(3, LogLevel.Debug, "Read {PaperCount} papers of papers-day {Day} from {Source}")]
    private static partial void Listed(ILogger logger, int paperCount, string day, string source);

    public static void Listed(ILogger logger, int paperCount, DateOnly? day, string source) =>
        Listed(logger, paperCount, day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(not named)", source);

    [LoggerMessage(4, LogLevel.Warning, "The Daily Papers listing is unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Warning, "The Daily Papers listing has no recognisable papers: {Reason}")]
    public static partial void LayoutChanged(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Warning, "{Source}: {Note}")]
    public static partial void ListingWarning(ILogger logger, string source, string note);

    [LoggerMessage(7, LogLevel.Debug, "{Source}: {Note}")]
    public static partial void ListingRemark(ILogger logger, string source, string note);

    [LoggerMessage(10, LogLevel.Error, "{Source}: PaperBot failed while reading the listing")]
    public static partial void ParserFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(11, LogLevel.Information, "Reading the Daily Papers listing from the file {Path} instead of the network (HuggingFace:ListingFile)")]
    public static partial void UsingListingFile(ILogger logger, string path);
}
