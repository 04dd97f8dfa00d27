using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Hosting;

/// <summary>An about: subscription in the whole bot as the host wires it: real listing client, poller, sentence model, outbox.</summary>
public sealed class AboutSubscriptionHostTests : IAsyncLifetime
{
    private static readonly ChannelRef Robots = new("test", "robots");
    private static readonly string Interest = TopicQuery.Parse("about:\"machines that learn to pick up objects by watching people\"").Text;

    private static readonly Paper[] Listed = [TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40)];

    private static readonly Paper Grasping = TestPapers.Make("2611.00010", "Dexterous Grasping from Human Videos", upvotes: 3,
        abstractText: "A robot hand learns pick-and-place skills by watching people handle objects on video.");

    private static readonly Paper Weather = TestPapers.Make("2611.00011", "Global Weather Forecasting with Graph Networks", upvotes: 50,
        abstractText: "We predict temperature and precipitation ten days ahead from reanalysis data.");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-about-host-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    private string DatabasePath => Path.Combine(_folder, "paperbot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeListingServer.StartAsync();
        using var store = LiteDbStore.Open(DatabasePath);
        store.AddSubscription(Robots, Interest, "test:admin", DateTimeOffset.UtcNow);
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

    [Fact]
    public async Task NewPapers_AboutSubscription_PostsThePaperOnTopicOnce_AndARestartPostsNothingAgain()
    {
        Serve(Listed);
        await (await HostRun.StartAsync(_server.BaseUrl, DatabasePath)).DisposeAsync();
        Serve([.. Listed, Grasping, Weather]);

        await using (var run = await HostRun.StartAsync(_server.BaseUrl, DatabasePath))
        {
            await run.Publisher.WaitForPostsAsync(1);
            await run.Meters.WaitForCountAsync("paperbot.deliveries", 1, TimeSpan.FromSeconds(30), ("outcome", "sent"));
            var post = Assert.Single(run.Publisher.Posts);
            Assert.Equal((Robots, Grasping.ArxivId), (post.Channel, post.Post.Paper.ArxivId));
            Assert.Equal([Interest], post.Post.Topics);
            Assert.Empty(run.Get<IDeliveryStore>().Pending());
        }

        await using var again = await HostRun.StartAsync(_server.BaseUrl, DatabasePath);
        Assert.Empty(again.Get<IDeliveryStore>().Pending());
        Assert.Empty(again.Publisher.Posts);
    }
}
