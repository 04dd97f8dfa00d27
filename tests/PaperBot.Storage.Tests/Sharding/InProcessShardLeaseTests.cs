using PaperBot.Core.Sharding;

namespace PaperBot.Storage.Tests.Sharding;

public sealed class InProcessShardLeaseTests : ShardLeaseTests
{
    private readonly InProcessShardLeases _leases = new();

    protected override IShardLeases First => _leases;

    protected override IShardLeases Second => _leases;

    public override void Dispose()
    {
    }
}
