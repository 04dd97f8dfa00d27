using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary>A host with the Gateway on, pointed at the fake's WebSocket, and helpers to bring a session up.</summary>
public abstract class GatewayTestBase : IAsyncLifetime
{
    /// <summary>Short enough that the 30 s connect timeout never looks like a heartbeat timer.</summary>
    protected const int HeartbeatInterval = 20_000;

    internal DiscordHost Host { get; private set; } = null!;

    internal DiscordGatewayService Service => Host.Services.GetRequiredService<DiscordGatewayService>();

    public async Task InitializeAsync() => Host = await DiscordHost.StartAsync(Settings());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    internal virtual Dictionary<string, string?> Settings() => new() { ["Discord:Gateway:Enabled"] = "true" };

    /// <summary>Accepts the next connection, says Hello and claims the first heartbeat's timer; returns both.</summary>
    internal async Task<(FakeGatewayConnection Connection, TimeSpan FirstBeat)> ConnectAsync()
    {
        var connection = await Host.Fake.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatInterval);
        var firstBeat = await Host.Time.WaitForTimerAsync(d => d < TimeSpan.FromMilliseconds(HeartbeatInterval));
        return (connection, firstBeat);
    }

    /// <summary>A fresh session: Hello, identify, READY (sequence 1).</summary>
    internal async Task<FakeGatewayConnection> ReadySessionAsync()
    {
        var (connection, _) = await ConnectAsync();
        await connection.ReceiveOpAsync(2);
        await connection.DispatchAsync("READY", 1, GatewayJson.Ready(Host.Fake.ResumeUrl));
        await connection.BarrierAsync();
        return connection;
    }

    /// <summary>Asserts the next connection goes to the resume URL and resumes this session at <paramref name="sequence"/>.</summary>
    internal async Task<FakeGatewayConnection> ExpectResumeAsync(long sequence)
    {
        var (connection, _) = await ConnectAsync();
        Assert.Equal("/resume", connection.Path);
        var resume = (await connection.ReceiveOpAsync(6))["d"]!;
        Assert.Equal(GatewayJson.SessionId, resume["session_id"]!.GetValue<string>());
        Assert.Equal(sequence, (long)resume["seq"]!);
        Assert.Equal(FakeDiscord.Token, resume["token"]!.GetValue<string>());
        return connection;
    }

    internal static JsonNode D(JsonObject frame) => frame["d"]!;
}
