using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Publishing;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// Keeps one Gateway session alive for reactions: reconnects and resumes after drops, identifies afresh when
/// the session is gone, backs off between failed attempts, and stops for good on a close code that retrying
/// cannot fix (the rest of the adapter keeps working).
/// </summary>
internal sealed class DiscordGatewayService(
    DiscordRestClient rest,
    ReactionSaver reactions,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService, IPlatformHealth
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly GatewaySession _session = new();

    /// <summary>Why the Gateway stopped for good, or null while it runs.</summary>
    public string? StopReason { get; private set; }

    public string Name => "discord-gateway";

    public PlatformHealthReport Report() => StopReason is { } reason
        ? new(false, $"Discord Gateway stopped: {reason}. Reactions no longer save papers; slash commands and the Save button still work.")
        : new(true, options.Value.Gateway.Enabled ? "connected or reconnecting" : "disabled by Discord:Gateway:Enabled");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Gateway.Enabled)
        {
            Log.GatewayDisabled(logger);
            return;
        }

        var failures = 0;
        var gatewayUrl = string.IsNullOrWhiteSpace(settings.Gateway.Url) ? null : settings.Gateway.Url.Trim();
        while (!stoppingToken.IsCancellationRequested)
        {
            GatewayEnd end;
            try
            {
                gatewayUrl ??= await ResolveUrlAsync(stoppingToken).ConfigureAwait(false);
                var connection = new GatewayConnection(_session, settings.BotToken!.Trim(), reactions, time, logger);
                end = gatewayUrl is null
                    ? new GatewayEnd(GatewayNext.Stop, "Discord refused the bot token when asked for the Gateway address (401): put a current token in Discord:BotToken")
                    : await connection.RunAsync(_session.CanResume ? _session.ResumeUrl! : gatewayUrl, stoppingToken).ConfigureAwait(false);
                failures = connection.ReachedSession ? 1 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                end = new GatewayEnd(GatewayNext.Resume, $"Discord could not be reached for the Gateway address: {ex.Message}");
                failures++;
            }
            catch (Exception ex)
            {
                // Reactions are a nicety: a bug here must not take the whole bot down with it.
                Log.GatewayFailed(logger, ex);
                end = new GatewayEnd(GatewayNext.Resume, $"{ex.GetType().Name}: {ex.Message}");
                failures++;
            }

            if (end.Next == GatewayNext.Stop)
            {
                StopReason = end.Reason;
                Log.GatewayStopped(logger, end.Reason);
                return;
            }

            if (end.Next == GatewayNext.Identify)
            {
                _session.Clear();
            }

            var delay = DelayBefore(end.Next, failures);
            Log.GatewayReconnecting(logger, end.Reason, end.Next == GatewayNext.Resume && _session.CanResume ? "resuming" : "identifying", delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The first reconnect after a healthy connection is immediate; each further failure doubles the wait (with
    /// jitter) up to a minute. A fresh identify waits 1-5 s, as Discord asks after an invalid session.
    /// </summary>
    internal static TimeSpan DelayBefore(GatewayNext next, int failures)
    {
        if (next == GatewayNext.Identify)
        {
            return TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble()));
        }

        if (failures <= 1)
        {
            return TimeSpan.Zero;
        }

        var ceiling = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (0.5 * Random.Shared.NextDouble())));
    }

    /// <summary>The Gateway address from <c>GET /gateway/bot</c>; null when the token is refused.</summary>
    private async Task<string?> ResolveUrlAsync(CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(DiscordRoutes.GatewayBot(), cancellationToken).ConfigureAwait(false);
        if (response.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            return null;
        }

        return response.IsSuccess && response.TryRead(DiscordJsonContext.Default.GatewayBotInfo) is { Url.Length: > 0 } info
            ? info.Url
            : throw new HttpRequestException($"GET /gateway/bot answered {response.ErrorText}");
    }
}
