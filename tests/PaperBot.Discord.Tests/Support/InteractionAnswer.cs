using System.Net;
using System.Text.Json.Nodes;

namespace PaperBot.Discord.Tests.Support;

/// <summary>An interaction's HTTP answer, read back.</summary>
internal sealed record InteractionAnswer(int Type, JsonObject? Data)
{
    public string Content => Data?["content"]?.GetValue<string>() ?? "";

    public bool Ephemeral => ((int?)Data?["flags"] ?? 0) == 64;

    public JsonObject? Embed => Data?["embeds"]?[0]?.AsObject();

    public static async Task<InteractionAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!.AsObject();
        return new InteractionAnswer((int)json["type"]!, json["data"]?.AsObject());
    }
}
