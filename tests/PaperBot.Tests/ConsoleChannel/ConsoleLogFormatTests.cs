using System.Text.RegularExpressions;
using PaperBot.Testing;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.ConsoleChannel;

/// <summary>
/// The real process in a terminal: every log entry is one timestamped line on standard error, and standard output
/// holds the console channel's transcript and nothing else.
/// </summary>
public sealed partial class ConsoleLogFormatTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-log-tests", Guid.NewGuid().ToString("N"));
    private FakeListingServer _server = null!;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (trce|dbug|info|warn|fail|crit): [\w.]+\[\d+\] \S")]
    private static partial Regex LogLine();

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

    [Fact]
    public async Task Terminal_LogIsOneTimestampedLinePerEntryOnStderr_AndStdoutIsTheTranscript()
    {
        _server.SetPage("/papers", ListingDocuments.PageHtml([TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40)], TestPapers.Day));
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["PaperBot__HuggingFace__BaseUrl"] = _server.BaseUrl,
            ["PaperBot__Storage__Path"] = Path.Combine(_folder, "paperbot.db"),
            ["Urls"] = "http://127.0.0.1:0",
        });

        await bot.WaitForStderrAsync("First poll: recorded 1 listed papers");
        await bot.SendAsync("/papers today");
        await bot.WaitForStdoutAsync("Scaling laws for sparse models");
        await bot.SendAsync("/papers frobnicate");
        await bot.WaitForStdoutAsync("I don't know the command \"frobnicate\"");
        Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigInt));

        var logLines = bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(logLines, l => l.Contains("PaperBot.Core.Polling.ListingPoller[0] First poll: recorded 1 listed papers", StringComparison.Ordinal));
        Assert.All(logLines, line => Assert.Matches(LogLine(), line));
        Assert.DoesNotContain("info:", bot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PaperBot.Core", bot.Stdout, StringComparison.Ordinal);
        Assert.Contains("Daily Papers for Tue, Nov 24, 2026", bot.Stdout);
    }
}
