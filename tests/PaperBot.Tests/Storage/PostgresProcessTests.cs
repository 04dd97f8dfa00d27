using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Postgres;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Storage;

/// <summary>
/// The real paperbot executable on Storage:Provider=Postgres against the throwaway cluster: commands, a new paper posted
/// once, a restart that posts nothing again, a second process joining as a replica, and the operator's message for a database it
/// cannot reach.
/// </summary>
public sealed class PostgresProcessTests : IAsyncLifetime
{
    private static readonly Paper[] Listed =
    [
        TestPapers.Make("2611.00001", "Scaling laws for sparse models", upvotes: 40),
        TestPapers.Make("2611.00002", "World models for driving", upvotes: 12),
    ];

    private static readonly Paper NewAgents = TestPapers.Make("2611.00010", "Language agents that plan", upvotes: 5);

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();
    private FakeListingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeListingServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    private Dictionary<string, string> Environment(string? connectionString = null) => new()
    {
        ["PaperBot__HuggingFace__BaseUrl"] = _server.BaseUrl,
        ["PaperBot__HuggingFace__RetryBaseDelay"] = "00:00:00.050",
        ["PaperBot__Storage__Provider"] = "Postgres",
        ["PaperBot__Storage__ConnectionString"] = connectionString ?? _database.ConnectionString,
        ["PaperBot__Storage__Path"] = Path.Combine(Path.GetTempPath(), "paperbot-pg-process-never-" + Guid.NewGuid().ToString("N"), "paperbot.db"),
        ["Urls"] = "http://127.0.0.1:0",
    };

    private void Serve(params Paper[] papers) => _server.SetPage("/papers", ListingDocuments.PageHtml(papers, TestPapers.Day));

    [Fact]
    public async Task Postgres_SubscribeThenNewPaperThenRestart_PostsOnceAndASecondProcessJoinsAsAReplica()
    {
        Serve(Listed);
        await using (var bot = BotProcess.Start(Environment()))
        {
            await bot.WaitForStderrAsync("Storage opened: PostgreSQL postgres@127.0.0.1:");
            await bot.WaitForStderrAsync("Migrated the PostgreSQL schema to version 1");
            await bot.WaitForStderrAsync("First poll: recorded 2 listed papers");
            await bot.SendAsync("/papers subscribe agents");
            await bot.WaitForStdoutAsync("Subscribed this channel to agents (#1, instant)");
            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigInt));
        }

        Serve([.. Listed, NewAgents]);
        await using (var bot = BotProcess.Start(Environment(), closeInput: true))
        {
            await bot.WaitForStderrAsync("Posted console:terminal|2611.00010 to console:terminal");
            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigTerm));
            Assert.Contains("New paper: Language agents that plan", bot.Stdout);
            Assert.DoesNotContain("Migrated the PostgreSQL schema", bot.Stderr);
        }

        await using (var bot = BotProcess.Start(Environment(), closeInput: true))
        {
            await bot.WaitForStderrAsync("Poll: 3 papers listed, 0 new, 0 deliveries queued");
            await using (var second = BotProcess.Start(Environment(), closeInput: true))
            {
                // A second process is a second replica: it joins, and neither posts anything again.
                await second.WaitForStderrAsync("sees 2 live replicas");
                await second.WaitForStderrAsync("Application started");
                Assert.DoesNotContain("now leads", second.Stderr);
                var exit = await second.InterruptAsync(BotProcess.SigTerm);
                Assert.True(exit == 0, $"The second replica exited {exit} on SIGTERM; its log:\n{second.Stderr}");
                Assert.DoesNotContain("New paper:", second.Stdout);
            }

            Assert.Equal(0, await bot.InterruptAsync(BotProcess.SigInt));
            Assert.DoesNotContain("New paper:", bot.Stdout);
        }

        using var store = PostgresStore.Open(_database.ConnectionString);
        var delivery = store.FindDelivery("console:terminal|2611.00010");
        Assert.Equal(DeliveryState.Sent, delivery?.State);
        Assert.Empty(store.Pending());
    }

    [Fact]
    public async Task Postgres_Unreachable_StopsAtStartNamingTheSettingWithoutThePassword()
    {
        const string Password = "do-not-print-this-password";
        await using var bot = BotProcess.Start(Environment($"Host=127.0.0.1;Port=1;Database=paperbot;Username=bot;Password={Password};Timeout=3"),
            closeInput: true);

        Assert.Equal(3, await bot.WaitForExitAsync());
        Assert.Contains("PaperBot cannot open its database: Cannot use the PostgreSQL database bot@127.0.0.1:1/paperbot (Storage:ConnectionString)", bot.Stderr);
        Assert.Contains("cannot be reached", bot.Stderr);
        Assert.DoesNotContain(Password, bot.Stderr + bot.Stdout);
        Assert.DoesNotContain("Hosting failed to start", bot.Stderr);
        Assert.Empty(_server.Requests);
    }
}
