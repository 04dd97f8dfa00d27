using PaperBot.Core.Sharding;
using PaperBot.Storage.Postgres;
using PaperBot.Storage.Tests.Postgres;

namespace PaperBot.Storage.Tests.Sharding;

/// <summary>Two store instances (two replicas' connection pools) on one fresh database.</summary>
public sealed class PostgresShardLeaseTests : ShardLeaseTests
{
    private readonly PostgresHarness _database = new();
    private readonly PostgresStore _first;
    private readonly PostgresStore _second;

    public PostgresShardLeaseTests()
    {
        _first = (PostgresStore)_database.Open();
        _second = (PostgresStore)_database.Open();
    }

    protected override IShardLeases First => _first;

    protected override IShardLeases Second => _second;

    public override void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _database.Dispose();
    }
}
