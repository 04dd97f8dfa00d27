using System.Net;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>The payloads the fuzzer first found answering 500, kept as plain cases so they stay fixed.</summary>
public sealed class FuzzRegressionTests : IAsyncLifetime
{
    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A signed-off interaction from a member who may manage the channel, around <paramref name="options"/>.</summary>
    private static string Envelope(int type, string channelId, string options) =>
        "{\"id\":\"1\",\"type\":" + type + ",\"channel_id\":\"" + channelId + "\",\"token\":\"t\",\"member\":{\"permissions\":\"16\",\"user\":{\"id\":\""
        + InteractionJson.UserId + "\"}},\"data\":{\"name\":\"papers\",\"options\":" + options + "}}";

    [Theory]
    [InlineData("subcommand option without a name", """{"name":"subscribe","type":1,"options":[{"type":3,"value":"agents"}]}""")]
    [InlineData("two options with one name", """{"name":"subscribe","type":1,"options":[{"name":"query","type":3,"value":"a"},{"name":"query","type":3,"value":"b"}]}""")]
    [InlineData("null in the option list", """null""")]
    [InlineData("subcommand without a name", """{"type":1,"options":[]}""")]
    [InlineData("lone surrogate in an option value", """{"name":"save","type":1,"options":[{"name":"arxiv_id","type":3,"value":"\ud800"}]}""")]
    public async Task Command_MalformedSubcommand_AnswersWithout500(string scenario, string subcommand)
    {
        var body = Envelope(2, InteractionJson.ChannelId, "[" + subcommand + "]");

        using var response = await _host.PostInteractionAsync(body);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{scenario}: {(int)response.StatusCode}");
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("null in the option list", """[null]""")]
    [InlineData("null among the subcommand's options", """[{"name":"unsubscribe","type":1,"options":[null]}]""")]
    [InlineData("lone surrogate in the focused value", """[{"name":"unsubscribe","type":1,"options":[{"name":"id","type":3,"value":"\ud800","focused":true}]}]""")]
    public async Task Autocomplete_MalformedOptions_AnswersWithout500(string scenario, string options)
    {
        var body = Envelope(4, InteractionJson.ChannelId, options);

        using var response = await _host.PostInteractionAsync(body);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{scenario}: {(int)response.StatusCode}");
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pause_ChannelIdLongerThanAnIndexKey_RefusedWithoutTouchingTheStore()
    {
        var body = Envelope(2, new string('9', 2000), """[{"name":"pause","type":1}]""");

        using var response = await _host.PostInteractionAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }
}
