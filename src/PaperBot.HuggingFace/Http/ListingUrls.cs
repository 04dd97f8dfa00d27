using System.Globalization;

namespace PaperBot.HuggingFace.Http;

/// <summary>The URL of the listing for a mode and day.</summary>
internal static class ListingUrls
{
    /// <summary>The API's largest page; one papers-day has far fewer papers, so one page holds the whole day.</summary>
    public const int ApiPageSize = 100;

    public static string For(HuggingFaceOptions options, DateOnly? day)
    {
        // Trimmed and concatenated (not resolved as a relative URI) so a BaseUrl with a path, such as a mirror
        // at https://proxy.example/hf, keeps its path.
        var root = options.BaseUrl.TrimEnd('/');
        var date = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (options.Mode, date) switch
        {
            (ListingMode.Api, null) => $"{root}/api/daily_papers?limit={ApiPageSize}",
            (ListingMode.Api, _) => $"{root}/api/daily_papers?date={date}&limit={ApiPageSize}",
            (_, null) => $"{root}/papers",
            _ => $"{root}/papers/date/{date}",
        };
    }
}
