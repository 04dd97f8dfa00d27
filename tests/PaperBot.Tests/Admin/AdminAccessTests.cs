using System.Net;
using PaperBot.Core.Channels;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Admin;

/// <summary>Who may open /admin and press its buttons, against the real host on 127.0.0.1.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private const string Token = "operator-token-4f1c9a7e2b";
    private static readonly ChannelRef Paused = new("test", "paused-room");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-admin-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    private string DatabasePath => Path.Combine(_folder, "paperbot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeListingServer.StartAsync();
        _server.SetPage("/papers", ListingDocuments.PageHtml([TestPapers.Make("2611.00001", "Scaling laws", upvotes: 4)], TestPapers.Day));
        using var store = LiteDbStore.Open(DatabasePath);
        store.AddSubscription(Paused, "agents", "test:admin", DateTimeOffset.UtcNow);
        store.SetPaused(Paused, "PaperBot lost access to this channel", DateTimeOffset.UtcNow);
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

    private Task<HostRun> StartAsync(string? token = Token) =>
        HostRun.StartAsync(_server.BaseUrl, DatabasePath, token is null ? [] : [$"--Admin:Token={token}"]);

    [Fact]
    public async Task Page_WithTheSentenceModel_ShowsTheEmbeddingBackfillAsItProgresses()
    {
        // The background embedder's first round comes after one interval; with 1 s it embeds the one stored paper.
        await using var run = await HostRun.StartAsync(_server.BaseUrl, DatabasePath, "--Semantic:EmbedInterval=00:00:01");
        using var admin = new AdminClient(run.Address);
        var progress = run.Get<PaperBot.Semantic.EmbeddingProgress>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        progress.Changed += now =>
        {
            if (now.Waiting == 0)
            {
                done.TrySetResult();
            }
        };
        if (progress.Current.Waiting == 0)
        {
            done.TrySetResult();
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var page = await admin.GetAsync();

        Assert.Contains("<section id=\"embeddings\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"embedded\">1</dd>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"embedding-waiting\">0</dd>", page.Html, StringComparison.Ordinal);
        Assert.Contains("every stored paper has a vector (1)", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_LoopbackClient_SeesThePage_ForwardedRequestIsToldHowToOpenItUp()
    {
        await using var run = await StartAsync(token: null);
        using var admin = new AdminClient(run.Address);

        var local = await admin.GetAsync();
        var forwarded = await admin.GetAsync(change: r => r.Headers.Add("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(HttpStatusCode.OK, local.Status);
        Assert.Contains("<section id=\"listing\">", local.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forwarded.Status);
        Assert.Contains("Admin:Token", forwarded.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"listing\"", forwarded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_RequestsWithoutIt_GetTheSignInForm_AndAWrongBearerIsRefused()
    {
        await using var run = await StartAsync();
        using var anonymous = new AdminClient(run.Address);
        using var wrong = new AdminClient(run.Address, bearer: "not-the-token-at-all");
        using var right = new AdminClient(run.Address, bearer: Token);

        var signIn = await anonymous.GetAsync();
        var refused = await wrong.GetAsync();
        var page = await right.GetAsync();
        var metrics = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.Status);
        Assert.Contains("type=\"password\"", signIn.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("paused-room", signIn.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.DoesNotContain("paused-room", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("test:paused-room", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlyStrictCookieThatIsNotTheToken_AndAWrongTokenIsRefused()
    {
        await using var run = await StartAsync();
        using var admin = new AdminClient(run.Address);
        await admin.GetAsync();

        using var wrong = await admin.PostAsync("/admin/signin", true, ("token", "guess-guess-guess-guess"));
        using var right = await admin.PostAsync("/admin/signin", true, ("token", Token));
        var page = await admin.GetAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not the operator token", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("paperbot_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("test:paused-room", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing_WithItResumes()
    {
        await using var run = await StartAsync(token: null);
        using var admin = new AdminClient(run.Address);
        await admin.GetAsync();

        using var forged = await admin.PostAsync("/admin/resume", false, ("channel", Paused.Key));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull(run.Get<IChannelStore>().FindChannel(Paused)?.PausedReason);

        using var real = await admin.PostAsync("/admin/resume", true, ("channel", Paused.Key));
        Assert.Equal(HttpStatusCode.SeeOther, real.StatusCode);
        Assert.Equal("/admin?done=resumed", real.Headers.Location?.OriginalString);
        Assert.Null(run.Get<IChannelStore>().FindChannel(Paused)?.PausedReason);
    }

    [Fact]
    public async Task BearerClient_RetriesAFailedDelivery_WithoutAForm()
    {
        await using var run = await StartAsync();
        var deliveries = run.Get<IDeliveryStore>();
        var failed = Core.Storage.Delivery.New(new ChannelRef("test", "room"), "2611.00001", ["agents"], DateTimeOffset.UtcNow);
        deliveries.Enqueue([failed]);
        deliveries.MarkAttemptFailed(failed.Id, "gave up after 10 attempts", permanent: true);
        using var script = new AdminClient(run.Address, bearer: Token);

        using var response = await script.PostAsync("/admin/retry", false, ("delivery", failed.Id));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await run.Publisher.WaitForPostsAsync(1);
        var post = Assert.Single(run.Publisher.Posts);
        Assert.Equal(("room", "2611.00001"), (post.Channel.Id, post.Post.Paper.ArxivId));
        Assert.NotEqual(DeliveryState.Failed, deliveries.FindDelivery(failed.Id)?.State);
    }
}
