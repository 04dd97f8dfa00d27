using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Publishing;
using PaperBot.Slack.Api;
using PaperBot.Slack.Configuration;

namespace PaperBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection open: a fresh single-use URL from <c>apps.connections.open</c> for every
/// connection, an immediate reconnect when Slack asks for one, backoff when connecting keeps failing, and a single
/// clear error (no retry loop) when Slack refuses the app-level token.
/// </summary>
internal sealed class SocketModeWorker(
    SlackApiClient api,
    SocketEnvelopeHandler handler,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeWorker> logger) : BackgroundService, IPlatformHealth
{
    private volatile string? _stopReason;

    public string Name => "slack-socket-mode";

    public PlatformHealthReport Report() => _stopReason is { } reason
        ? new(false, $"Slack Socket Mode stopped: {reason}. Slash commands, buttons and reactions do not reach PaperBot until Slack:AppToken is fixed and PaperBot restarted.")
        : new(true, options.Value.EffectiveMode == SlackMode.Socket ? "connected or reconnecting" : "not used (HTTP mode)");

    private static readonly HashSet<string> TokenErrors =
        ["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type", "missing_scope"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EffectiveMode != SlackMode.Socket)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var open = await api.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
            if (open.Error is { } error && TokenErrors.Contains(error))
            {
                _stopReason = $"Slack refused the app token ({error})";
                Log.AppTokenRefused(logger, error);
                return;
            }

            SessionEnd end;
            if (open is { Ok: true, Response.Url: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                end = await RunConnectionAsync(uri, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                end = new SessionEnd(false, false, $"apps.connections.open failed: {open.Error ?? "no URL in the answer"}");
            }

            if (end.DisconnectRequested)
            {
                failures = 0;
                continue;
            }

            failures = end.Greeted ? 1 : failures + 1;
            var backoff = ReconnectBackoff.Delay(failures, Random.Shared.NextDouble());
            var delay = open.RetryAfter is { } retryAfter && retryAfter > backoff ? retryAfter : backoff;
            Log.SocketRetrying(logger, end.Problem ?? "unknown", delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<SessionEnd> RunConnectionAsync(Uri uri, CancellationToken stoppingToken)
    {
        var connection = new SocketModeConnection(handler, logger);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await connection.RunAsync(uri, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new SessionEnd(false, false, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
