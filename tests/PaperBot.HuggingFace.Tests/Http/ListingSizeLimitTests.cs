using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Http;

/// <summary>A body over the 32 MB read limit is named for what it is, not "could not reach", and is not retried.</summary>
public sealed class ListingSizeLimitTests : IAsyncLifetime
{
    private const int Size = 35 * 1024 * 1024;
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Huge() => "<!doctype html><html><body>" + new string('x', Size - 40) + "</body></html>";

    [Fact]
    public async Task FetchAsync_AnnouncedBodyOverTheLimit_SaysHowLargeItIs()
    {
        var body = Huge();
        _server.SetReply("/papers", new FakeListingServer.Reply
        {
            Body = body,
            Headers = new Dictionary<string, string> { ["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var changed = Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());

        Assert.Contains($"the listing page at {_server.BaseUrl}/papers is 35 MB, over the 32 MB limit", changed.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_ChunkedBodyOverTheLimit_SaysItIsOverTheLimit()
    {
        _server.SetPage("/papers", Huge());
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var changed = Assert.IsType<ListingFetch.LayoutChanged>(await harness.FetchAsync());

        Assert.Contains("is over the 32 MB limit", changed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("could not reach", changed.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }
}
