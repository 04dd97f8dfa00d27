using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Files;

/// <summary>HuggingFace:ListingFile: a saved page or API response instead of the network.</summary>
public sealed class FileListingSourceTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_SavedPage_ListsItsPapersWithoutTheNetwork()
    {
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("ListingFile", ListingFixtures.PathOf(ListingFixtures.Page)));

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(32, listed.Papers.Count);
        Assert.Equal(ListingFixtures.Day, listed.Day);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_SavedApiResponse_IsToldApartByContent()
    {
        // Page mode (the default) does not matter: the file's content says it is JSON.
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("ListingFile", ListingFixtures.PathOf(ListingFixtures.Api)));

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(7, listed.Papers.Count);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_SavedPageWithNewLayout_ReportsLayoutChangedNamingTheFile()
    {
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("ListingFile", ListingFixtures.PathOf(ListingFixtures.LayoutChanged)));

        var changed = Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());

        Assert.Contains(ListingFixtures.LayoutChanged, changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FileRemovedWhileRunning_ReturnsUnavailable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paperbot-listing-{Guid.NewGuid():N}.html");
        File.Copy(ListingFixtures.PathOf(ListingFixtures.Page), path);
        try
        {
            await using var harness = ListingHarness.Create(_server.BaseUrl, ("ListingFile", path));
            File.Delete(path);

            var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

            Assert.Contains($"could not read HuggingFace:ListingFile {path}", unavailable.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FetchAsync_FileReplacedWhileRunning_ReadsTheNewContent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paperbot-listing-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """[{"paper":{"id":"2611.00001","title":"Old"}}]""");
        try
        {
            await using var harness = ListingHarness.Create(_server.BaseUrl, ("ListingFile", path));
            await harness.FetchAsync();
            await File.WriteAllTextAsync(path, """[{"paper":{"id":"2611.00002","title":"New"}}]""");

            var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

            Assert.Equal("New", Assert.Single(listed.Papers).Title);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
