using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>The floor: bare Kestrel on 127.0.0.1 that reads the interaction body and answers a fixed 1 KB JSON.</summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private static readonly byte[] Answer = System.Text.Encoding.UTF8.GetBytes(
        "{\"type\":4,\"data\":{\"content\":\"" + new string('x', 990) + "\"}}");

    private readonly WebApplication _app = LoopbackApp.Create();

    public Uri Url { get; private set; } = null!;

    public static async Task<BareEndpoint> StartAsync()
    {
        var bare = new BareEndpoint();
        bare._app.MapPost("/discord/interactions", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer);
        });
        bare.Url = new Uri(await LoopbackApp.StartAsync(bare._app) + "/discord/interactions");
        return bare;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
