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
    public async Task FetchAsync_SameETagTwice_SendsIfNoneMatchAndReturnsNotModified()
    {
        _server.SetPage("/papers", Fixtures.Read(Fixtures.Page), etag: "\"abc\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync());

        Assert.Null(_server.Requests[0].Header("If-None-Match"));
        Assert.Equal("\"abc\"", _server.Requests[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_ETagChanged_ListsTheNewPage()
    {
        _server.SetPage("/papers", Fixtures.Read(Fixtures.Page), etag: "\"v1\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);
        await harness.FetchAsync();

        _server.SetPage("/papers", Fixtures.Read(Fixtures.Page), etag: "\"v2\"");

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync());
        Assert.Equal("\"v2\"", _server.Requests[2].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_LastModifiedOnly_SendsIfModifiedSinceAndReturnsNotModified()
    {
        var lastModified = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
        _server.SetPage("/papers", Fixtures.Read(Fixtures.Page), lastModified: lastModified);
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.NotModified>(await harness.FetchAsync());

        Assert.Equal("Tue, 24 Nov 2026 06:00:00 GMT", _server.Requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_ValidatorsArePerUrl_OtherDayIsFetchedInFull()
    {
        _server.SetPage("/papers", Fixtures.Read(Fixtures.Page), etag: "\"abc\"");
        _server.SetPage("/papers/date/2026-11-24", Fixtures.Read(Fixtures.Page), etag: "\"abc\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        await harness.FetchAsync();

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(Fixtures.Day));
        Assert.Null(_server.Requests[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task FetchAsync_LayoutChangedPageWithETag_IsNotRememberedSoItStaysLoud()
    {
        _server.SetPage("/papers", Fixtures.Read(Fixtures.LayoutChanged), etag: "\"broken\"");
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());
        Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());

        Assert.Null(_server.Requests[1].Header("If-None-Match"));
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
