using System.Globalization;

namespace PaperBot.HuggingFace.Http;

/// <summary>
/// The listing's body is larger than PaperBot reads. Not an <see cref="HttpRequestException"/>, so the resilience
/// pipeline does not retry it: the same page would be just as large a second later.
/// </summary>
internal sealed class ListingTooLargeException(long? size, long limit)
    : Exception(Describe("the listing page", size, limit))
{
    public long? Size { get; } = size;

    public long Limit { get; } = limit;

    /// <summary>"the listing page is 35 MB, over the 32 MB limit" (or "is over" when the size was not announced).</summary>
    public static string Describe(string what, long? size, long limit) => size is { } bytes
        ? $"{what} is {Megabytes(bytes)}, over the {Megabytes(limit)} limit"
        : $"{what} is over the {Megabytes(limit)} limit (it was still arriving when PaperBot stopped reading)";

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " MB";
}
