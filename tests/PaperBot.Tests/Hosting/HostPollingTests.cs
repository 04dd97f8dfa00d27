using System.Net;
using System.Text.Json;
using PaperBot.ConsoleChannel;
using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Hosting;

/// <summary>The whole bot in-process: fake listing server -> real HTTP client -> poller -> LiteDB -> publishers.</summary>
public sealed class HostPollingTests : IAsyncLifetime
{
    private static readonly ChannelRef Alpha = new("test", "alpha");
    private static readonly ChannelRef Beta = new("test", "beta");
    private static readonly Paper[] Listed =
    [
        TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40),
        TestPapers.Make("2611.00002", "A survey of diffusion", upvotes: 12),
        TestPapers.Make("2611.00003", "Tokenizers revisited", upvotes: 3),
    ];

    private static readonly Paper AgentsPaper = TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5);
    private static readonly Paper RobotsPaper = TestPapers.Make("2611.00011", "Legged robots in the wild", upvotes: 7);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-host-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    private string DatabasePath => Path.Combine(_folder, "paperbot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeListingServer.StartAsync();
        using var store = LiteDbStore.Open(DatabasePath);
        var at = DateTimeOffset.UtcNow;
        store.AddSubscription(Alpha, "agents", "test:admin", at);
        store.AddSubscription(Beta, "robots", "test:admin", at);
        store.AddSubscription(ConsoleChannelInfo.Channel, "agents OR robots", "console:local", at);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Serve(params Paper[] papers) => _server.SetPage("/papers", ListingDocuments.PageHtml(papers, TestPapers.Day));

    private Task<HostRun> StartAsync() => HostRun.StartAsync(_server.BaseUrl, DatabasePath);

    private static async Task<JsonElement> HealthAsync(HostRun run)
    {
        using var client = new HttpClient { BaseAddress = run.Address };
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task FirstRun_EmptyStore_RecordsEverythingPostsNothingAndIsHealthy()
    {
        Serve(Listed);

        await using var run = await StartAsync();

        Assert.Equal(3, run.Get<IPaperStore>().Count());
        Assert.Empty(run.Get<IDeliveryStore>().Pending());
        Assert.Empty(run.Publisher.Posts);
        Assert.Equal("", run.Console.ToString());
        var health = await HealthAsync(run);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains("3 papers listed", health.GetProperty("checks").GetProperty("listing").GetProperty("description").GetString());
        var request = Assert.Single(_server.RequestsTo("/papers"));
        Assert.StartsWith("PaperBot/", request.Header("User-Agent"));
    }

    [Fact]
    public async Task NewPapers_ReachExactlyTheMatchingChannelsOnce_AndARestartPostsNothingAgain()
    {
        Serve(Listed);
        await (await StartAsync()).DisposeAsync();
        Serve([.. Listed, AgentsPaper, RobotsPaper]);

        await using (var run = await StartAsync())
        {
            await run.Publisher.WaitForPostsAsync(2);
            var posts = run.Publisher.Posts.Select(p => (p.Channel.Id, p.Post.Paper.ArxivId)).Order().ToList();
            Assert.Equal([("alpha", "2611.00010"), ("beta", "2611.00011")], posts);

            // Two posts to the test channels and two to the console, each counted once it is marked sent.
            await run.Meters.WaitForCountAsync("paperbot.deliveries", 4, TimeSpan.FromSeconds(30), ("outcome", "sent"));
            Assert.Empty(run.Get<IDeliveryStore>().Pending());
            var console = run.Console.ToString();
            Assert.Contains("New paper: Language agents that plan", console);
            Assert.Contains("New paper: Legged robots in the wild", console);
            Assert.DoesNotContain("Scaling laws", console);
        }

        await using (var again = await StartAsync())
        {
            Assert.Empty(again.Get<IDeliveryStore>().Pending());
            Assert.Empty(again.Publisher.Posts);
            Assert.Equal("", again.Console.ToString());
            Assert.Equal(5, again.Get<IPaperStore>().Count());
        }
    }

    [Fact]
    public async Task ListingErrorsAndTimeouts_AreRetriedAndLoseNothing()
    {
        Serve(Listed);
        await (await StartAsync()).DisposeAsync();
        Serve([.. Listed, AgentsPaper]);
        _server.Enqueue("/papers", 500);
        _server.Enqueue("/papers", 503);
        _server.EnqueueHang("/papers");

        await using var run = await StartAsync();

        await run.Publisher.WaitForPostsAsync(1);
        Assert.Equal("2611.00010", Assert.Single(run.Publisher.Posts).Post.Paper.ArxivId);
        Assert.Equal(1 + 4, _server.RequestsTo("/papers").Count);
    }

    [Fact]
    public async Task ListingDownForAWholePoll_DegradesHealth_AndTheNextGoodPollDeliversEverything()
    {
        Serve(Listed);
        await (await StartAsync()).DisposeAsync();
        Serve([.. Listed, AgentsPaper]);
        for (var i = 0; i < 4; i++)
        {
            _server.Enqueue("/papers", 503);
        }

        await using (var down = await StartAsync())
        {
            var health = await HealthAsync(down);
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Contains("unreachable", health.GetProperty("checks").GetProperty("listing").GetProperty("description").GetString());
            Assert.Equal(3, down.Get<IPaperStore>().Count());
        }

        await using var up = await StartAsync();
        await up.Publisher.WaitForPostsAsync(1);
        Assert.Equal("2611.00010", Assert.Single(up.Publisher.Posts).Post.Paper.ArxivId);
    }

    [Fact]
    public async Task LayoutChange_PostsNothingChangesNothingAndReportsDegraded()
    {
        Serve(Listed);
        await (await StartAsync()).DisposeAsync();
        _server.SetPage("/papers", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "layout-changed.html")));

        await using var run = await StartAsync();

        var health = await HealthAsync(run);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Contains("layout change", health.GetProperty("checks").GetProperty("listing").GetProperty("description").GetString());
        Assert.Equal(3, run.Get<IPaperStore>().Count());
        Assert.Empty(run.Get<IDeliveryStore>().Pending());
        Assert.Empty(run.Publisher.Posts);
    }

    [Fact]
    public async Task Restart_SendsTheRecordedETag_SoAnUnchangedListingCostsA304()
    {
        _server.SetPage("/papers", ListingDocuments.PageHtml(Listed, TestPapers.Day), etag: "\"day-1\"");
        await (await StartAsync()).DisposeAsync();

        await using var run = await StartAsync();

        var requests = _server.RequestsTo("/papers");
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"day-1\"", requests[1].Header("If-None-Match"));
        var health = await HealthAsync(run);
        Assert.Contains("unchanged", health.GetProperty("checks").GetProperty("listing").GetProperty("description").GetString());
    }
}
