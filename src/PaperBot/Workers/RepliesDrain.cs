using Microsoft.Extensions.Logging;
using PaperBot.Core.Commands;

namespace PaperBot.Workers;

/// <summary>
/// At shutdown, waits (up to <see cref="Patience"/>) for answers still being sent on any platform (Discord's deferred
/// edits, Slack's follow-ups), so a command answered a moment before a restart still reaches its user.
/// Registered after the adapters, it stops before them, while their connections still work.
/// </summary>
internal sealed partial class RepliesDrain(BackgroundReplies replies, ILogger<RepliesDrain> logger) : IHostedService
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = replies.Running;
        if (running == 0)
        {
            return;
        }

        if (!await replies.DrainAsync(Patience).ConfigureAwait(false))
        {
            GaveUp(logger, replies.Running, Patience.TotalSeconds);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Shutting down with {Count} answers still unsent after waiting {Seconds} s for them; their users get no answer")]
    private static partial void GaveUp(ILogger logger, int count, double seconds);
}
