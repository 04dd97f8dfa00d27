using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;

namespace PaperBot.Discord.Tests.Rest;

/// <summary>Save-hint reactions are retried on 5xx and resets with backoff, and given up after a bound with one log line.</summary>
public sealed class SaveHintsTests : IAsyncLifetime
{
    private const string ChannelId = "645027906669510667";
    private const string MessageId = "1400000000000000001";
    private readonly SignalingTimeProvider _time = new();
    private readonly CapturedLogs _logs = new();
    private FakeDiscordRest _discord = null!;
    private ServiceProvider _services = null!;

    private readonly TaskCompletionSource<bool> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SaveHints Hints => _services.GetRequiredService<SaveHints>();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordRest.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:PublicKey"] = TestKeys.Rfc1Public,
            ["Discord:BotToken"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(_time)
            .AddDiscordAdapter(config)
            .BuildServiceProvider();
        Hints.Settled += landed => _settled.TrySetResult(landed);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Enqueue_Two502sThenAReset_RetriedAfter1s2s4sUntilTheReactionLands()
    {
        _discord.Faults.Burst(Fault.ServerError, 2);
        _discord.Faults.Burst(Fault.ConnectionReset, 1);

        Hints.Enqueue(ChannelId, MessageId);
        foreach (var backoff in new[] { 1, 2, 4 })
        {
            _time.Advance(await _time.WaitForTimerAsync(TimeSpan.FromSeconds(backoff)));
        }

        Assert.True(await _settled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _discord.Reactions);
        Assert.Equal(0, Hints.Owed);
        Assert.Equal(2, _discord.Faults.Served(Fault.ServerError));
        Assert.Equal(1, _discord.Faults.Served(Fault.ConnectionReset));
        Assert.DoesNotContain("Gave up the save-hint", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_DiscordKeepsFailing_GivenUpAfterMaxAttemptsWithOneLogLine()
    {
        _discord.Faults.Always(Fault.ServerError);

        Hints.Enqueue(ChannelId, MessageId);
        for (var attempt = 1; attempt < SaveHints.MaxAttempts; attempt++)
        {
            _time.Advance(await _time.WaitForTimerAsync(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1))));
        }

        Assert.False(await _settled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, Hints.Owed);
        Assert.Equal(SaveHints.MaxAttempts, _discord.Faults.Served(Fault.ServerError));
        var line = Assert.Single(_logs.Lines, l => l.Contains("save-hint", StringComparison.Ordinal));
        Assert.Contains($"after {SaveHints.MaxAttempts} attempt(s)", line, StringComparison.Ordinal);
        Assert.Contains("502", line, StringComparison.Ordinal);
        Assert.Equal(0, _discord.Reactions);
    }
}
