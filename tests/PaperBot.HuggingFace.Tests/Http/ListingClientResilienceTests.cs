using System.Net;
using System.Net.Sockets;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Http;

/// <summary>Retries, timeouts, Retry-After and the reasons given when the listing stays unreachable.</summary>
public sealed class ListingClientResilienceTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_TwoServerErrorsThenOk_RetriesAndLists()
    {
        _server.Enqueue("/papers", 500);
        _server.Enqueue("/papers", 500);
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(502)]
    public async Task FetchAsync_TransientStatusOnce_IsRetried(int status)
    {
        _server.Enqueue("/papers", status);
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_FirstAttemptHangs_TimesOutAndRetries()
    {
        _server.EnqueueHang("/papers");
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("RequestTimeout", "00:00:00.500"));

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.True(_server.Requests.Count >= 2);
    }

    [Fact]
    public async Task FetchAsync_BodyStallsAfterHeaders_TimesOutWithinTheAttemptAndRetries()
    {
        var page = ListingFixtures.Read(ListingFixtures.Page);
        _server.Enqueue("/papers", new FakeListingServer.Reply { Body = page, BodyDelay = Timeout.InfiniteTimeSpan });
        _server.SetPage("/papers", page);
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("RequestTimeout", "00:00:00.500"));

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(32, listed.Papers.Count);
        Assert.True(_server.Requests.Count >= 2);
    }

    [Fact]
    public async Task FetchAsync_EveryAttemptHangs_ReturnsUnavailableNamingTheTimeout()
    {
        _server.SetReply("/papers", new FakeListingServer.Reply { Delay = Timeout.InfiniteTimeSpan });
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("RequestTimeout", "00:00:00.200"), ("MaxRetries", "1"));

        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

        Assert.Equal($"Hugging Face did not answer {_server.BaseUrl}/papers within 0.2 s (HuggingFace:RequestTimeout) after 2 attempts", unavailable.Reason);
    }

    [Fact]
    public async Task FetchAsync_ServiceUnavailableForever_ReturnsUnavailableWithAReadableReason()
    {
        _server.SetReply("/papers", new FakeListingServer.Reply { Status = 503, Body = "busy" });
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

        Assert.Equal($"Hugging Face answered 503 Service Unavailable for {_server.BaseUrl}/papers after 4 attempts", unavailable.Reason);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_NotFound_IsNotRetried()
    {
        _server.Enqueue("/papers", 404);
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

        Assert.StartsWith($"Hugging Face answered 404 Not Found for {_server.BaseUrl}/papers after 1 attempt;", unavailable.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterOneSecond_WaitsAtLeastThatLong()
    {
        _server.Enqueue("/papers", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), $"waited only {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task FetchAsync_RetryAfterBeyondTheCap_GivesUpAtOnceAndSaysSo()
    {
        _server.Enqueue("/papers", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "3600" });
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

        Assert.Contains("429 Too Many Requests", unavailable.Reason, StringComparison.Ordinal);
        Assert.Contains("asked PaperBot to wait 3600 s; the next poll will try again", unavailable.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_NothingListening_ReturnsUnavailableNamingTheUrl()
    {
        var closedPort = ClosedPort();
        await using var harness = ListingHarness.Create($"http://127.0.0.1:{closedPort}", ("MaxRetries", "1"));

        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync());

        Assert.StartsWith($"PaperBot could not reach http://127.0.0.1:{closedPort}/papers after 2 attempts: ", unavailable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_Throws()
    {
        _server.SetReply("/papers", new FakeListingServer.Reply { Delay = Timeout.InfiniteTimeSpan });
        await using var harness = ListingHarness.Create(_server.BaseUrl);
        using var cancellation = new CancellationTokenSource();
        var fetch = harness.Source.FetchAsync(null, null, cancellation.Token);
        await _server.WaitForRequestsAsync(1);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
        Assert.Single(_server.Requests);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
