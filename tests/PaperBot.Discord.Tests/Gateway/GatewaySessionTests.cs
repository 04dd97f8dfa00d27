using PaperBot.Discord.Gateway;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Gateway;

public sealed class GatewaySessionTests : GatewayTestBase
{
    [Fact]
    public async Task Connect_Fresh_IdentifiesWithTokenAndOnlyUnprivilegedIntents()
    {
        var (connection, _) = await ConnectAsync();
        var identify = D(await connection.ReceiveOpAsync(2));

        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(FakeDiscord.Token, identify["token"]!.GetValue<string>());
        Assert.Equal((1 << 0) | (1 << 10) | (1 << 13), (int)identify["intents"]!);
        Assert.Equal("paperbot", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.False(identify.AsObject().ContainsKey("shard"));
    }

    [Fact]
    public async Task Heartbeat_FirstAfterJitterThenEveryInterval_CarriesLastSequence()
    {
        var (connection, firstBeat) = await ConnectAsync();
        await connection.ReceiveOpAsync(2);
        await connection.DispatchAsync("READY", 7, GatewayJson.Ready(Host.Fake.ResumeUrl));
        await connection.BarrierAsync();

        Host.Time.Advance(firstBeat);
        var beat = await connection.ReceiveOpAsync(1);
        await connection.SendAsync(11);
        await connection.BarrierAsync();
        await Host.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(HeartbeatInterval));
        Host.Time.Advance(TimeSpan.FromMilliseconds(HeartbeatInterval));
        var second = await connection.ReceiveOpAsync(1);

        Assert.True(firstBeat < TimeSpan.FromMilliseconds(HeartbeatInterval));
        Assert.Equal(7, (long)beat["d"]!);
        Assert.Equal(7, (long)second["d"]!);
        Assert.False(connection.Finished.IsCompleted);
    }

    [Fact]
    public async Task Heartbeat_NoAckBeforeNextBeat_DropsAndResumes()
    {
        var (connection, firstBeat) = await ConnectAsync();
        await connection.ReceiveOpAsync(2);
        await connection.DispatchAsync("READY", 3, GatewayJson.Ready(Host.Fake.ResumeUrl));
        await connection.BarrierAsync();

        Host.Time.Advance(firstBeat);
        await connection.ReceiveOpAsync(1);
        await Host.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(HeartbeatInterval));
        Host.Time.Advance(TimeSpan.FromMilliseconds(HeartbeatInterval));

        await connection.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        await ExpectResumeAsync(3);
        Assert.Contains("no heartbeat ACK", Host.Logs.All);
    }

    [Fact]
    public async Task ConnectionDropped_AfterReady_ResumesAtResumeUrl()
    {
        var connection = await ReadySessionAsync();
        await connection.DispatchAsync("GUILD_CREATE", 2, new System.Text.Json.Nodes.JsonObject { ["id"] = InteractionJson.GuildId });
        await connection.BarrierAsync();

        connection.Drop();

        var resumed = await ExpectResumeAsync(2);
        await resumed.DispatchAsync("RESUMED", 3, new System.Text.Json.Nodes.JsonObject());
        await resumed.BarrierAsync();
        Assert.Contains("Discord Gateway session resumed", Host.Logs.All);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesAndResumes()
    {
        var connection = await ReadySessionAsync();

        await connection.SendAsync(7);

        await connection.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        await ExpectResumeAsync(1);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        var connection = await ReadySessionAsync();

        await connection.SendAsync(9, true);

        await connection.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        await ExpectResumeAsync(1);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesAfresh()
    {
        var connection = await ReadySessionAsync();

        await connection.SendAsync(9, false);
        await connection.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        var pause = await Host.Time.WaitForTimerAsync(d => d >= TimeSpan.FromSeconds(1) && d < TimeSpan.FromSeconds(5));
        Host.Time.Advance(pause);

        var (fresh, _) = await ConnectAsync();
        Assert.Equal("/gateway", fresh.Path);
        Assert.Equal(FakeDiscord.Token, D(await fresh.ReceiveOpAsync(2))["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Close_ResumableCode_Resumes()
    {
        var connection = await ReadySessionAsync();

        await connection.CloseAsync(4000, "Unknown error");

        await ExpectResumeAsync(1);
    }

    [Fact]
    public async Task Close_SessionTimedOut4009_IdentifiesAfresh()
    {
        var connection = await ReadySessionAsync();

        await connection.CloseAsync(4009, "Session timed out");
        Host.Time.Advance(await Host.Time.WaitForTimerAsync(d => d >= TimeSpan.FromSeconds(1) && d < TimeSpan.FromSeconds(5)));

        var (fresh, _) = await ConnectAsync();
        Assert.Equal("/gateway", fresh.Path);
        await fresh.ReceiveOpAsync(2);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "sharding")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "privileged intent")]
    public async Task Close_NonRetryableCode_StopsWithClearError(int code, string explanation)
    {
        var (connection, _) = await ConnectAsync();
        await connection.ReceiveOpAsync(2);

        await connection.CloseAsync(code, "Nope");
        await Service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Service.StopReason);
        Assert.Contains(explanation, Service.StopReason);
        Assert.Contains("Discord Gateway stopped for good", Host.Logs.All);
        Assert.DoesNotContain(FakeDiscord.Token, Host.Logs.All);
        var health = Service.Report();
        Assert.False(health.Healthy);
        Assert.Contains(explanation, health.Description);
        Assert.DoesNotContain(FakeDiscord.Token, health.Description);
    }

    [Fact]
    public async Task Connect_RefusedRepeatedly_BacksOffLongerEachTime()
    {
        var delays = Enumerable.Range(1, 8).Select(failures => ShardRunner.DelayBefore(GatewayNext.Resume, failures)).ToList();

        Assert.Equal(TimeSpan.Zero, delays[0]);
        for (var i = 1; i < delays.Count; i++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, i));
            Assert.InRange(delays[i].TotalSeconds, ceiling / 2, ceiling);
        }

        await Task.CompletedTask;
    }
}
