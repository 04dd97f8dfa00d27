using PaperBot.HuggingFace.Http;

namespace PaperBot.HuggingFace.Tests.Http;

public sealed class ListingUrlsTests
{
    [Theory]
    [InlineData("https://huggingface.co", "Page", null, "https://huggingface.co/papers")]
    [InlineData("https://huggingface.co/", "Page", "2026-11-24", "https://huggingface.co/papers/date/2026-11-24")]
    [InlineData("https://huggingface.co", "Api", null, "https://huggingface.co/api/daily_papers?limit=100")]
    [InlineData("https://huggingface.co", "Api", "2026-11-24", "https://huggingface.co/api/daily_papers?date=2026-11-24&limit=100")]
    [InlineData("https://mirror.example/hf/", "Page", null, "https://mirror.example/hf/papers")]
    public void For_ModeAndDay_BuildsTheListingUrl(string baseUrl, string mode, string? day, string expected)
    {
        var options = new HuggingFaceOptions { BaseUrl = baseUrl, Mode = Enum.Parse<ListingMode>(mode) };

        Assert.Equal(expected, ListingUrls.For(options, day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
