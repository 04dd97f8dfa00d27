using PaperBot.Core.Papers;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.ConsoleChannel;

/// <summary>
/// The console channel end to end: the real paperbot executable in a child process, commands piped into
/// standard input, answers and new-paper cards read from standard output, stopped with signals.
/// </summary>
public sealed class ConsoleProcessTests : IAsyncLifetime
{
    private static readonly Paper[] Listed =
    [
        TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40),
        TestPapers.Make("2611.00002", "World models for driving", upvotes: 12, abstractText: "We learn a world model."),
        TestPapers.Make("2611.00003", "Tokenizers revisited", upvotes: 3),
    ];

    private static readonly Paper NewAgents = TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5);
    private static readonly Paper NewCooking = TestPapers.Make("2611.00011", "Neural recipes for cooking", upvotes: 9);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-process-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeListingServer.StartAsync();
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

    private Dictionary<string, string> Environment() => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = _server.BaseUrl,
        ["PaperBot__Storage__Path"] = Path.Combine(_folder, "paperbot.db"),
        ["PaperBot__HuggingFace__RetryBaseDelay"] = "00:00:00.050",
        ["Urls"] = "http://127.0.0.1:0",
        ["PaperBot__Console__ExportFolder"] = Path.Combine(_folder, "exports"),
    };

    private void Serve(params Paper[] papers) => _server.SetPage("/papers", ListingDocuments.PageHtml(papers, TestPapers.Day));

    [Fact]
    public async Task ConsoleChannel_CommandsThenNewPapersThenRestart_BehavesAsAUserExpects()
    {
        Serve(Listed);

        // Run 1: the first poll records the listing; the user types commands; Ctrl+C stops cleanly.
        await using (var bot = BotProcess.Start(Environment()))
        {
            await bot.WaitForStderrAsync("First poll: recorded 3 listed papers");
            await bot.SendAsync("/papers today");
            await bot.WaitForStdoutAsync("Daily Papers for Tue, Nov 24, 2026");
            await bot.SendAsync("/papers subscribe agents OR \"world model\"");
            await bot.WaitForStdoutAsync("Subscribed this channel to agents OR \"world model\" (#1, instant)");
            await bot.SendAsync("/papers subscribe (robots");
            await bot.WaitForStdoutAsync("column 1");
            await bot.SendAsync("/papers subscriptions");
            await bot.WaitForStdoutAsync("#1  agents OR \"world model\"  (instant)");
            await bot.SendAsync("/papers save 2611.00002v2");
            await bot.WaitForStdoutAsync("Saved 2611.00002 \"World models for driving\"");
            await bot.SendAsync("/papers saved");
            await bot.WaitForStdoutAsync("2611.00002");
            await bot.SendAsync("/papers export bibtex");
            await bot.WaitForStdoutAsync("Your reading list: 1 paper as BibTeX. Saved to ");
            var export = Path.Combine(_folder, "exports", "paperbot-saved-" + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".bib");
            Assert.Contains("eprint        = {2611.00002}", await File.ReadAllTextAsync(export));
            await bot.SendAsync("/papers frobnicate");
            await bot.WaitForStdoutAsync("I don't know the command \"frobnicate\"");

            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigInt));
            var lines = bot.Stdout.Split('\n');
            var today = Array.FindIndex(lines, l => l.Contains("Daily Papers for", StringComparison.Ordinal));
            Assert.Contains("Scaling laws for sparse models", lines[today + 1]);
            Assert.DoesNotContain("New paper:", bot.Stdout);
        }

        // Run 2, as a service would run it (input closed): the new matching paper prints as a card, once.
        Serve([.. Listed, NewAgents, NewCooking]);
        await using (var bot = BotProcess.Start(Environment(), closeInput: true))
        {
            await bot.WaitForStdoutAsync("Save it: /papers save 2611.00010");
            await bot.WaitForStderrAsync("Posted console:terminal|2611.00010 to console:terminal");
            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
            Assert.Contains("New paper: Language agents that plan", bot.Stdout);
            Assert.Contains("Matched: agents OR \"world model\"", bot.Stdout);
            Assert.DoesNotContain("cooking", bot.Stdout, StringComparison.OrdinalIgnoreCase);
        }

        // Run 3 over the same file: nothing is posted twice; a second bot on the same file is refused clearly.
        await using (var bot = BotProcess.Start(Environment(), closeInput: true))
        {
            await bot.WaitForStderrAsync("Poll: 5 papers listed, 0 new, 0 deliveries queued");

            await using (var second = BotProcess.Start(Environment(), closeInput: true))
            {
                Assert.Equal(3, await second.WaitForExitAsync());
                Assert.Contains("Another PaperBot process is already using", second.Stderr);
                Assert.DoesNotContain("Hosting failed to start", second.Stderr);
            }

            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigInt));
            Assert.DoesNotContain("New paper:", bot.Stdout);
        }
    }

    [Fact]
    public async Task BadConfiguration_StopsAtStartWithTheKeyAndWhatToPut()
    {
        var environment = Environment();
        environment["PaperBot__HuggingFace__PollInterval"] = "00:00:05";

        await using var bot = BotProcess.Start(environment, closeInput: true);

        Assert.Equal(2, await bot.WaitForExitAsync());
        Assert.Contains("PaperBot cannot start because of its configuration", bot.Stderr);
        Assert.Contains("HuggingFace:PollInterval", bot.Stderr);
        Assert.Contains("00:10:00", bot.Stderr);
        Assert.DoesNotContain("Hosting failed to start", bot.Stderr);
        Assert.Empty(_server.Requests);
    }
}
