using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Interactions;

namespace PaperBot.Benchmarks;

/// <summary>
/// The floor: bare Kestrel that reads the interaction body and answers a fixed 1 KB JSON. It runs as its own process
/// (<c>dotnet PaperBot.Benchmarks.dll floor URL</c>, started by <see cref="HostProcess.StartFloor"/>), as PaperBot does,
/// so both compete with the load generator for the same cores in the same way.
/// </summary>
internal static class BareEndpoint
{
    public const string Ready = "Floor listening";

    private static readonly byte[] Answer = System.Text.Encoding.UTF8.GetBytes(
        "{\"type\":4,\"data\":{\"content\":\"" + new string('x', 990) + "\"}}");

    /// <summary>
    /// Serves <c>POST /discord/interactions</c> on <paramref name="url"/> until the process is killed or standard input
    /// closes. With <paramref name="publicKeyHex"/>, it first verifies the request's Ed25519 signature with PaperBot's own
    /// <see cref="InteractionVerifier"/>, as Discord requires of every endpoint (401 when it does not match): the floor of
    /// a verifying endpoint, for information.
    /// </summary>
    public static async Task<int> ServeAsync(string url, string? publicKeyHex = null)
    {
        var verifier = publicKeyHex is null ? null : new InteractionVerifier(publicKeyHex, TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/discord/interactions", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (verifier is not null && !verifier.IsValid(
                context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"], body.ToArray(), out _))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer);
        });
        await app.StartAsync();
        await Console.Error.WriteLineAsync($"{Ready} on {url}");

        // The parent holds standard input open; when it goes away, so does the floor.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

}
