using System.Net;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Admin;

/// <summary>The operator token in the real process: refused when weak, never in the log, whatever is tried with it.</summary>
public sealed class AdminProcessTests : IAsyncLifetime
{
    private const string Token = "process-operator-token-93ab51c2";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-admin-process", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeListingServer.StartAsync();
        _server.SetPage("/papers", ListingDocuments.PageHtml([TestPapers.Make("2611.00001", "Scaling laws", upvotes: 4)], TestPapers.Day));
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

    private Dictionary<string, string> Environment(string token) => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = _server.BaseUrl,
        ["PaperBot__Storage__Path"] = Path.Combine(_folder, "paperbot.db"),
        ["PaperBot__Console__Commands"] = "false",
        ["PaperBot__Admin__Token"] = token,
        ["Logging__LogLevel__Default"] = "Debug",
        ["Urls"] = "http://127.0.0.1:0",
    };

    [Fact]
    public async Task Token_UsedRightAndWrong_NeverAppearsInTheLog()
    {
        await using var bot = BotProcess.Start(Environment(Token), closeInput: true);
        var address = await bot.ListeningAddressAsync();
        await bot.WaitForStderrAsync("First poll: recorded 1 listed papers");

        using (var browser = new AdminClient(address))
        {
            await browser.GetAsync();
            using var wrong = await browser.PostAsync("/admin/signin", true, ("token", "wrong-token-guessed-by-someone"));
            using var right = await browser.PostAsync("/admin/signin", true, ("token", Token));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        }

        using (var script = new AdminClient(address, bearer: Token))
        {
            Assert.Equal(HttpStatusCode.OK, (await script.GetAsync()).Status);
            using var poll = await script.PostAsync("/admin/poll", false);
            Assert.Equal(HttpStatusCode.SeeOther, poll.StatusCode);
        }

        await bot.WaitForStderrAsync("Poll: 1 papers listed, 0 new");
        await bot.WaitForStderrAsync("Refused an operator sign-in from 127.0.0.1");
        Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
        Assert.DoesNotContain(Token, bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-guessed", bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakToken_StopsStartWithTheKeyAndWhatToPut_WithoutEchoingIt()
    {
        await using var bot = BotProcess.Start(Environment("short secret"), closeInput: true);

        Assert.Equal(2, await bot.WaitForExitAsync());
        Assert.Contains("Admin:Token must be at least 16 characters", bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("short secret", bot.Stderr, StringComparison.Ordinal);
    }
}
