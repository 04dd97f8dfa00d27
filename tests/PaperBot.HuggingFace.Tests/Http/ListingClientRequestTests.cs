using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Http;

/// <summary>What goes on the wire: URLs per mode and day, User-Agent, Accept, token.</summary>
public sealed class ListingClientRequestTests : IAsyncLifetime
{
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_PageModeLatest_GetsPapersAndListsTheFixture()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(32, listed.Papers.Count);
        Assert.Equal(ListingFixtures.Day, listed.Day);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/papers", request.PathAndQuery);
        Assert.Contains("text/html", request.Header("Accept"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PageModeDay_GetsTheDatePage()
    {
        _server.SetPage("/papers/date/2026-11-24", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(ListingFixtures.Day));

        Assert.Equal("/papers/date/2026-11-24", Assert.Single(_server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task FetchAsync_ApiModeLatest_GetsTheApiWithALimit()
    {
        _server.SetJson("/api/daily_papers", ListingFixtures.Read(ListingFixtures.Api));
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("Mode", "Api"));

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());

        Assert.Equal(7, listed.Papers.Count);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/daily_papers?limit=100", request.PathAndQuery);
        Assert.Equal("application/json", request.Header("Accept"));
    }

    [Fact]
    public async Task FetchAsync_ApiModeDay_SendsTheDateParameter()
    {
        _server.SetJson("/api/daily_papers?date=2026-11-22&limit=100", "[]");
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("Mode", "Api"));

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(new DateOnly(2026, 11, 22)));

        Assert.Empty(listed.Papers);
        Assert.Equal("?date=2026-11-22&limit=100", Assert.Single(_server.Requests).Query);
    }

    [Fact]
    public async Task FetchAsync_AnyRequest_SendsADescriptiveUserAgent()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        await harness.FetchAsync();

        Assert.Equal(HuggingFaceOptions.DefaultUserAgent, Assert.Single(_server.Requests).Header("User-Agent"));
        Assert.Null(_server.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task FetchAsync_ConfiguredUserAgent_IsSent()
    {
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("UserAgent", "MyLabBot/2.1 (+mailto:ops@example.org)"));

        await harness.FetchAsync();

        Assert.Equal("MyLabBot/2.1 (+mailto:ops@example.org)", Assert.Single(_server.Requests).Header("User-Agent"));
    }

    [Fact]
    public async Task FetchAsync_WithApiToken_SendsBearerAndNeverLogsIt()
    {
        const string Token = "hf_SeCrEtT0kenForTests123";
        _server.SetPage("/papers", ListingFixtures.Read(ListingFixtures.Page));
        _server.SetReply("/papers/date/2026-11-24", new FakeListingServer.Reply { Status = 401, Body = "Invalid credentials" });
        await using var harness = ListingHarness.Create(_server.BaseUrl, ("ApiToken", Token), ("MaxRetries", "1"));

        Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync());
        var unavailable = Assert.IsType<ListingFetch.Unavailable>(await harness.FetchAsync(ListingFixtures.Day));

        Assert.Equal($"Bearer {Token}", _server.Requests[0].Header("Authorization"));
        Assert.Contains("HuggingFace:ApiToken", unavailable.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, unavailable.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(harness.Logs.Logs);
        Assert.DoesNotContain(harness.Logs.Logs, l => l.AllText.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_EmptyDayRedirectsToAnEarlierDay_ListsThatDay()
    {
        _server.SetRedirect("/papers/date/2026-11-28", "/papers/date/2026-11-24");
        _server.SetPage("/papers/date/2026-11-24", ListingFixtures.Read(ListingFixtures.Page));
        await using var harness = ListingHarness.Create(_server.BaseUrl);

        var listed = Assert.IsType<ListingFetch.Listed>(await harness.FetchAsync(new DateOnly(2026, 11, 28)));

        Assert.Equal(ListingFixtures.Day, listed.Day);
        Assert.Equal(["/papers/date/2026-11-28", "/papers/date/2026-11-24"], _server.Requests.Select(r => r.Path));
    }
}
