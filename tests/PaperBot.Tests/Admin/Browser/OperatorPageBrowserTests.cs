using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Tests.Support;
using PuppeteerSharp;

namespace PaperBot.Tests.Admin.Browser;

/// <summary>
/// The operator page in headless Chromium against the real host: sign in with the token, read the tables, press
/// Resume, Retry and Poll now and see their effect on the page and in the bot. Screenshots (desktop and phone widths)
/// go to <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class OperatorPageBrowserTests : IAsyncLifetime
{
    private const string Token = "browser-operator-token-7d2e91";
    private static readonly ChannelRef Alpha = new("test", "alpha");
    private static readonly ChannelRef Muted = new("test", "muted-room");
    private static readonly Paper Known = TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40);
    private static readonly Paper Fresh = TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private FakeListingServer _server = null!;
    private string _failedId = "";

    private string DatabasePath => Path.Combine(_folder, "paperbot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(_screenshots);
        _server = await FakeListingServer.StartAsync();
        _server.SetPage("/papers", ListingDocuments.PageHtml([Known], TestPapers.Day));
        using var store = LiteDbStore.Open(DatabasePath);
        var now = DateTimeOffset.UtcNow;
        store.AddSubscription(Alpha, "agents", "test:ada", now);
        store.AddSubscription(Alpha, "robots", "test:ada", now, new SubscriptionOptions { MinUpvotes = 20 });
        store.AddSubscription(Muted, "diffusion", "test:bo", now);
        store.SetPaused(Muted, "PaperBot lost access to this channel; fix it, then resume", now);
        store.RecordPoll([Known], [], new PollState(true, now, TestPapers.Day));
        var failed = Core.Storage.Delivery.New(Alpha, Known.ArxivId, ["agents"], now);
        store.Enqueue([failed]);
        store.MarkAttemptFailed(failed.Id, "gave up after 10 attempts: HTTP 503", permanent: true);
        _failedId = failed.Id;
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

    [Fact]
    public async Task OperatorPage_SignInReadResumeRetryPollNow_WorksInARealBrowser()
    {
        await using var run = await HostRun.StartAsync(_server.BaseUrl, DatabasePath, $"--Admin:Token={Token}");
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });

        // Sign in through the form; the cookie it sets is HttpOnly, so no script can read it.
        var response = await page.GoToAsync(new Uri(run.Address, "/admin").ToString());
        Assert.Equal(401, (int)response.Status);
        await page.TypeAsync("#token", Token);
        await page.ScreenshotAsync(Shot("1-sign-in.png"));
        await SubmitAsync(page, "form[action='/admin/signin'] button");
        Assert.Equal("", await page.EvaluateExpressionAsync<string>("document.cookie"));
        Assert.DoesNotContain(Token, await page.GetContentAsync(), StringComparison.Ordinal);

        // The tables say what the store holds.
        Assert.Equal("2026-11-24", await TextAsync(page, "[data-field='papers-day']"));
        Assert.Equal("none", await TextAsync(page, "[data-field='layout-alarm']"));
        var channels = await RowsAsync(page, "#channel-table");
        Assert.Contains(channels, r => r.Contains("test:alpha", StringComparison.Ordinal) && r.Contains("agents", StringComparison.Ordinal) && r.Contains("instant", StringComparison.Ordinal));
        Assert.Contains(channels, r => r.Contains("robots", StringComparison.Ordinal) && r.Contains("from 20 upvotes", StringComparison.Ordinal));
        var paused = Assert.Single(await RowsAsync(page, "#paused-table"));
        Assert.Contains("test:muted-room", paused, StringComparison.Ordinal);
        Assert.Contains("PaperBot lost access to this channel", paused, StringComparison.Ordinal);
        Assert.Contains("gave up after 10 attempts: HTTP 503", Assert.Single(await RowsAsync(page, "#failed-table")), StringComparison.Ordinal);
        Assert.Equal("1", await TextAsync(page, "[data-field='failed']"));
        await page.ScreenshotAsync(Shot("2-signed-in.png"), new ScreenshotOptions { FullPage = true });

        // Resume: the channel is no longer paused, on the page and in the store.
        await SubmitAsync(page, "#paused-table tbody tr:first-child button");
        Assert.Contains("Resumed", await TextAsync(page, "#notice"), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("#paused-none"));
        Assert.Null(run.Get<IChannelStore>().FindChannel(Muted)?.PausedReason);

        // Retry: the failed delivery goes back to the outbox and is posted.
        await SubmitAsync(page, "#failed-table tbody tr:first-child button");
        Assert.Contains("back in the outbox", await TextAsync(page, "#notice"), StringComparison.Ordinal);
        await run.Publisher.WaitForPostsAsync(1);
        var retried = Assert.Single(run.Publisher.Posts);
        Assert.Equal(_failedId, Core.Storage.Delivery.IdFor(retried.Channel, retried.Post.Paper.ArxivId));

        // Poll now: a paper listed since the last poll is recorded before the page comes back, and posted to #alpha.
        _server.SetPage("/papers", ListingDocuments.PageHtml([Known, Fresh], TestPapers.Day));
        Assert.Equal("1", await TextAsync(page, "[data-field='papers-stored']"));
        await SubmitAsync(page, "form[action='/admin/poll'] button");
        Assert.Contains("Polled the listing", await TextAsync(page, "#notice"), StringComparison.Ordinal);
        Assert.Equal("2", await TextAsync(page, "[data-field='papers-stored']"));
        Assert.Contains("2 papers listed", await TextAsync(page, "[data-field='outcome']"), StringComparison.Ordinal);
        await run.Publisher.WaitForPostsAsync(1);
        Assert.Contains(run.Publisher.Posts, p => p.Channel == Alpha && p.Post.Paper.ArxivId == Fresh.ArxivId);
        Assert.Equal(2, run.Get<IPaperStore>().Count());
        await page.ScreenshotAsync(Shot("3-after-poll.png"), new ScreenshotOptions { FullPage = true });

        // On a phone the page fits the width: nothing but the tables' own scroll areas is wider than the screen.
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true, DeviceScaleFactor = 2, HasTouch = true });
        await page.ReloadAsync();
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "the page is wider than a phone's screen");
        await page.ScreenshotAsync(Shot("4-phone.png"), new ScreenshotOptions { FullPage = true });
        Assert.All(new[] { "1-sign-in.png", "2-signed-in.png", "3-after-poll.png", "4-phone.png" },
            name => Assert.True(new FileInfo(Shot(name)).Length > 10_000, $"{name} is missing or empty"));
    }

    private string Shot(string name) => Path.Combine(_screenshots, name);

    /// <summary>Clicks a form's button and waits for the page the POST redirects to.</summary>
    private static async Task SubmitAsync(IPage page, string button)
    {
        var navigation = page.WaitForNavigationAsync(new NavigationOptions { Timeout = 90_000 });
        await page.ClickAsync(button);
        var response = await navigation;
        Assert.Equal(200, (int)response.Status);
    }

    private static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).innerText.trim()", selector);

    private static Task<string[]> RowsAsync(IPage page, string table) =>
        page.EvaluateFunctionAsync<string[]>("t => Array.from(document.querySelectorAll(t + ' tbody tr')).map(r => r.innerText)", table);
}
