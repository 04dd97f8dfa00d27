using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary><c>Discord:Gateway:ShardCount</c> with a fixed <c>ShardId</c>: one connection, identified as that shard.</summary>
public sealed class FixedShardTests : GatewayTestBase
{
    internal override Dictionary<string, string?> Settings() => new()
    {
        ["Discord:Gateway:Enabled"] = "true",
        ["Discord:Gateway:ShardCount"] = "4",
        ["Discord:Gateway:ShardId"] = "2",
    };

    [Fact]
    public async Task Identify_FixedShard_SendsShardIdAndCount()
    {
        var (connection, _) = await ConnectAsync();
        var identify = D(await connection.ReceiveOpAsync(2));

        Assert.Equal([2, 4], identify["shard"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(FakeDiscord.Token, identify["token"]!.GetValue<string>());
        Assert.Single(Host.Fake.Rest.RequestsTo("GET", "/gateway/bot"));
    }

    [Fact]
    public async Task ConnectionDropped_FixedShard_ResumesItsSession()
    {
        var connection = await ReadySessionAsync();

        connection.Drop();

        var resumed = await ExpectResumeAsync(1);
        await resumed.DispatchAsync("RESUMED", 2, new System.Text.Json.Nodes.JsonObject());
        await resumed.BarrierAsync();
        Assert.Contains("Discord Gateway session resumed (shard 2 of 4)", Host.Logs.All);
        Assert.Contains("shard 2 of 4 connected", Service.Report().Description);
    }

    [Fact]
    public async Task Close_InvalidShard4010_StopsNamingTheKeys()
    {
        var (connection, _) = await ConnectAsync();
        await connection.ReceiveOpAsync(2);

        await connection.CloseAsync(4010, "Invalid shard");
        await Service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        var health = Service.Report();
        Assert.False(health.Healthy);
        Assert.Contains("shard 2 of 4", health.Description);
        Assert.Contains("Discord:Gateway:ShardId", health.Description);
    }
}
