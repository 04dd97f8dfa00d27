using Microsoft.Extensions.Logging;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// Keeps one Gateway session alive (one shard, or the single unsharded connection): reconnects and resumes after drops,
/// identifies afresh when the session is gone (in its identify turn when sharded), backs off between failed attempts,
/// and stops for good on a close code that retrying cannot fix. Each shard has its own session, so each resumes its own.
/// </summary>
internal sealed class ShardRunner(
    GatewayShard? shard, GatewayDirectory directory, IdentifyGate? gate, string token, ReactionSaver reactions, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly GatewaySession _session = new();
    private volatile GatewayConnection? _connection;
    private volatile int _state = (int)ShardState.Connecting;

    public GatewayShard? Shard => shard;

    /// <summary>Why this connection stopped for good, or null while it runs.</summary>
    public string? StopReason { get; private set; }

    public ShardState State => (ShardState)_state == ShardState.Connecting && _connection is { ReachedSession: true }
        ? ShardState.Ready
        : (ShardState)_state;

    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            GatewayEnd end;
            try
            {
                var url = await directory.UrlAsync(stopping).ConfigureAwait(false);
                if (url is null)
                {
                    end = new GatewayEnd(GatewayNext.Stop, "Discord refused the bot token when asked for the Gateway address (401): put a current token in Discord:BotToken");
                }
                else
                {
                    if (gate is not null && shard is not null && !_session.CanResume)
                    {
                        _state = (int)ShardState.WaitingToIdentify;
                        await gate.WaitTurnAsync(shard, stopping).ConfigureAwait(false);
                    }

                    var connection = _connection = new GatewayConnection(_session, token, shard, reactions, time, logger);
                    _state = (int)ShardState.Connecting;
                    end = await connection.RunAsync(_session.CanResume ? _session.ResumeUrl! : url, stopping).ConfigureAwait(false);
                    failures = connection.ReachedSession ? 1 : failures + 1;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
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

            _state = (int)ShardState.Reconnecting;
            if (end.Next == GatewayNext.Stop)
            {
                StopReason = end.Reason;
                _state = (int)ShardState.Stopped;
                Log.GatewayStopped(logger, end.Reason, Label);
                return;
            }

            if (end.Next == GatewayNext.Identify)
            {
                _session.Clear();
            }

            var delay = DelayBefore(end.Next, failures);
            Log.GatewayReconnecting(logger, end.Reason, end.Next == GatewayNext.Resume && _session.CanResume ? "resuming" : "identifying", delay.TotalSeconds, Label);
            try
            {
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>"" unsharded, " (shard 1 of 4)" sharded: log lines say which connection they are about.</summary>
    private string Label => shard is null ? "" : $" (shard {shard.Id} of {shard.Count})";

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
}
