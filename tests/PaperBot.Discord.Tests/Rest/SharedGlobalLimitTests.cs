using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaperBot.Core.Pacing;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Support;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Platforms;
using PaperBot.Testing.Postgres;
using Xunit.Abstractions;

namespace PaperBot.Discord.Tests.Rest;

/// <summary>
/// Three replicas (each its own service provider, HTTP client and database connections) post at once through the real
/// Discord client to a fake Discord that enforces the bot-wide 50 requests a second. Sharing the budget through a real
/// PostgreSQL database they get no global 429; each keeping its own 50 a second they do, which shows the fake would tell.
/// </summary>
public sealed class SharedGlobalLimitTests(ITestOutputHelper output) : IDisposable
{
    private const int Replicas = 3;

    /// <summary>Each to a channel of its own, so only the global limit can answer 429.</summary>
    private const int PostsPerReplica = 60;

    private readonly PostgresDatabase _database = PostgresCluster.Shared.CreateDatabase();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Post_ThreeReplicasSharingTheDatabase_NoGlobal429AndEveryPostLands()
    {
        var stores = Enumerable.Range(0, Replicas).Select(_ => PostgresStore.Open(_database.ConnectionString)).ToList();
        try
        {
            var (discord, statuses) = await PostFromReplicasAsync(services => services
                .AddSingleton(sp => stores[sp.GetRequiredService<ReplicaNumber>().Value])
                .AddSingleton<IRateBudget, PostgresRateBudget>());
            await using (discord)
            {
                Assert.Equal(0, discord.Limits!.TooManyRequests.GetValueOrDefault("global"));
                Assert.Empty(discord.Limits.TooManyRequests);
                Assert.All(statuses, s => Assert.Equal(200, s));
                Assert.Equal(Replicas * PostsPerReplica, discord.Posts.Count);
            }
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }

        // Closed connections have flushed their statistics (give or take the server's own lag): takes, for the log only.
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var updates = new NpgsqlCommand("SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'rate_budgets'", connection);
        output.WriteLine($"about {updates.ExecuteScalar()} takes from the shared budget for {Replicas * PostsPerReplica} requests");
    }

    [Fact]
    public async Task Post_ThreeReplicasEachOnItsOwnBudget_DiscordAnswersGlobal429s()
    {
        var (discord, _) = await PostFromReplicasAsync(_ => { });
        await using (discord)
        {
            Assert.True(discord.Limits!.TooManyRequests.GetValueOrDefault("global") > 0, "three replicas at 50 a second each should trip the limit");
        }
    }

    /// <summary>Starts the fake and the replicas, lets every replica post its share at once (16 at a time), returns every status.</summary>
    private async Task<(FakeDiscordRest Discord, IReadOnlyList<int> Statuses)> PostFromReplicasAsync(Action<IServiceCollection> budget)
    {
        var discord = await FakeDiscordRest.StartAsync(new DiscordLimits(TimeProvider.System));
        var replicas = Enumerable.Range(0, Replicas).Select(i => Replica(i, discord.ApiBaseUrl, budget)).ToList();
        var started = DateTimeOffset.UtcNow;
        var statuses = await Task.WhenAll(replicas.Select((provider, i) => PostAllAsync(provider, i)));
        var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
        output.WriteLine($"{discord.Posts.Count} posts in {seconds:0.0} s ({discord.Posts.Count / seconds:0.0}/s); 429s: "
            + string.Join(", ", discord.Limits!.TooManyRequests.Select(p => $"{p.Key}={p.Value}")));
        foreach (var provider in replicas)
        {
            await provider.DisposeAsync();
        }

        return (discord, [.. statuses.SelectMany(s => s)]);
    }

    private static ServiceProvider Replica(int number, string apiBaseUrl, Action<IServiceCollection> budget)
    {
        var settings = DiscordHost.Settings(Path.GetTempPath(), apiBaseUrl, new Dictionary<string, string?>(), null);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new ReplicaNumber(number));
        budget(services);
        services.AddDiscordAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static async Task<int[]> PostAllAsync(IServiceProvider replica, int number)
    {
        var rest = replica.GetRequiredService<DiscordRestClient>();
        using var slots = new SemaphoreSlim(16);
        return await Task.WhenAll(Enumerable.Range(0, PostsPerReplica).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                var channel = (1_600_000_000_000_000_000UL + (ulong)(number * 1000) + (ulong)i).ToString(CultureInfo.InvariantCulture);
                var response = await rest.SendAsync(DiscordRoutes.CreateMessage(channel), new MessagePayload { Content = $"post {i}" },
                    DiscordJsonContext.Default.MessagePayload, CancellationToken.None);
                return (int)response.Status;
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private sealed record ReplicaNumber(int Value);
}
