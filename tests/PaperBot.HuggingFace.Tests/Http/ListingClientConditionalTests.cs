using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Http;

/// <summary>ETag / Last-Modified: a page that has not changed costs a 304, not a download.</summary>
public sealed class ListingClientConditionalTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_WithTheLastETag_SendsIfNoneMatchAndReturnsNotModified()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page), etag: "\"abc\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var first = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync(validators: first.Validators));

        Assert.Equal(new ListingValidators("\"abc\"", null), first.Validators);
        Assert.Null(_server.Requests[0].Header("If-None-Match"));
        Assert.Equal("\"abc\"", _server.Requests[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_ETagChanged_ListsTheNewPageWithTheNewValidators()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page), etag: "\"v1\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);
        var v1 = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync()).Validators;

        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page), etag: "\"v2\"");

        var v2 = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(validators: v1)).Validators;
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync(validators: v2));
        Assert.Equal("\"v2\"", _server.Requests[2].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_LastModifiedOnly_SendsIfModifiedSinceAndReturnsNotModified()
    {
        var lastModified = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page), lastModified: lastModified);
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var first = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync(validators: first.Validators));

        Assert.Equal(lastModified, first.Validators?.LastModified);
        Assert.Equal("Tue, 24 Nov 2026 06:00:00 GMT", _server.Requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_WithoutValidators_FetchesInFullEvenWhenFetchedBefore()
    {
        // The client keeps no memory of its own: a caller that could not record a listing asks again in full.
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page), etag: "\"abc\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        await harness.FetchAsync();

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.Null(_server.Requests[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_ServerSendsNoValidators_ListedCarriesNone()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Null(listed.Validators);
    }

    [Fact]
    public async Task FetchAsync_GarbageHtml_ReturnsLayoutChangedWithTheUrl()
    {
        _server.SetPage("/papers", "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var changed = Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());

        Assert.Contains($"{_server.BaseUrl}/papers", changed.Reason, StringComparison.Ordinal);
        Assert.Contains("PaperBot changed nothing", changed.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }
}
