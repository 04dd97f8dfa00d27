using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperBot.Core.Storage;
using PaperBot.Storage.Postgres;
using PaperBot.Testing;
using PaperBot.Testing.Postgres;

namespace PaperBot.Storage.Tests.Postgres;

/// <summary>Storage:Provider chooses the store; a bad choice or a missing connection string stops start-up naming the key.</summary>
public sealed class PostgresRegistrationTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Provider_Postgres_EveryPortIsThePostgresStoreAndNoFileIsOpened()
    {
        using var database = PostgresCluster.Shared.CreateDatabase();
        using var host = Host(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = database.ConnectionString });

        await host.StartAsync();

        var store = host.Services.GetRequiredService<PostgresStore>();
        Assert.Same(store, host.Services.GetRequiredService<IPaperStore>());
        Assert.Same(store, host.Services.GetRequiredService<IDeliveryStore>());
        Assert.Same(store, host.Services.GetRequiredService<IOperatorStore>());
        Assert.Same(store, host.Services.GetRequiredService<PaperBot.Core.Semantic.IEmbeddingStore>());
        Assert.IsType<PostgresRateBudget>(host.Services.GetRequiredService<PaperBot.Core.Pacing.IRateBudget>());
        Assert.Null(host.Services.GetService<LiteDbStore>());
        Assert.False(File.Exists(_file.Path));
        await host.StopAsync();
    }

    [Fact]
    public void Provider_Absent_StaysLiteDb()
    {
        using var host = Host([]);

        Assert.IsType<LiteDbStore>(host.Services.GetRequiredService<IPaperStore>());
        Assert.Null(host.Services.GetService<PostgresStore>());
        Assert.Null(host.Services.GetService<PaperBot.Core.Pacing.IRateBudget>());
    }

    [Theory]
    [InlineData("Mongo", "Storage:Provider is \"Mongo\"")]
    [InlineData("Postgres", "Storage:ConnectionString is empty")]
    public async Task Provider_BadSetting_StopsStartWithMessageNamingTheKey(string provider, string expected)
    {
        using var host = Host(new() { ["Storage:Provider"] = provider });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_PostgresUnreachable_StopsStartWithTheOperatorMessage()
    {
        using var host = Host(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Password=hidden-pw;Timeout=3" });

        var error = await Assert.ThrowsAsync<PostgresStoreException>(() => host.StartAsync());

        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-pw", error.ToString(), StringComparison.Ordinal);
    }

    private IHost Host(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        settings["Storage:Path"] = _file.Path;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPaperBotStorage(builder.Configuration).AddPaperBotPostgresStorage(builder.Configuration);
        return builder.Build();
    }
}
