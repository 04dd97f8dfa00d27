using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Http;

/// <summary>The fake listing server serving the real shapes, read through the real HTTP client in both modes.</summary>
public sealed class RealShapesOverHttpTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Page", null, "2026-09-28", 28)]
    [InlineData("Page", "2026-09-28", "2026-09-28", 28)]
    [InlineData("Page", "2026-09-27", "2026-09-28", 28)]
    [InlineData("Page", "2024-08-01", "2024-08-01", 13)]
    [InlineData("Api", null, "2026-06-12", 30)]
    [InlineData("Api", "2026-06-12", "2026-06-12", 30)]
    [InlineData("Api", "2026-08-03", "2026-08-03", 3)]
    public async Task FetchAsync_RealShape_ListsEveryPaperOnTheListingsDay(string mode, string? asked, string day, int count)
    {
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("Mode", mode));
        var expected = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(asked is null ? null : DateOnly.Parse(asked, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, listed.Day);
        Assert.Equal(count, listed.Papers.Count);
        Assert.All(listed.Papers, p => Assert.Equal(expected, p.ListedOn));
    }
}
