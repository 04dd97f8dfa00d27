using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack;

/// <summary>Says once, at start-up, that Slack is on and in which mode (never which token).</summary>
internal sealed class SlackStartupReport(IOptions<SlackOptions> options, ILogger<SlackStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        var mode = value.EffectiveMode == SlackMode.Socket
            ? value.HttpEndpointsEnabled ? "Socket Mode (HTTP endpoints also verified and open)" : "Socket Mode"
            : "HTTP mode (POST /slack/commands, /slack/events, /slack/interactivity)";
        Log.Started(logger, mode, value.SaveReaction);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
