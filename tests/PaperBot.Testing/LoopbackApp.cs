using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing;

/// <summary>How every fake server starts: Kestrel on a free port of 127.0.0.1, silent, quick to stop.</summary>
public static class LoopbackApp
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // Hanging requests are cancelled on dispose; don't wait the default 30 s for them.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and returns its base URL without a trailing slash.</summary>
    public static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync().ConfigureAwait(false);
        return app.Urls.First().TrimEnd('/');
    }
}
