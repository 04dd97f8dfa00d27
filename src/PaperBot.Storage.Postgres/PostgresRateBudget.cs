using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaperBot.Core.Pacing;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// A rate budget every replica on the database spends together (Discord's 50 requests a second belong to the bot
/// token): a token bucket row in <c>rate_budgets</c>, taken from in batches of <see cref="Batch"/> so a busy replica
/// costs the database about ten round trips a second, not one per request. Each replica still keeps its own even pace
/// and priorities (<see cref="KeyedPacer"/>), then spends a token of its batch; a replica that finds the bucket empty
/// waits until a whole batch has refilled. Unspent tokens lapse after <see cref="TokenLifetime"/>, so tokens a replica
/// sat on can never be spent in a lump later: whatever is in flight stays within the bucket's burst plus a quarter
/// second of the rate, well under what Discord allows. When the database cannot be asked, requests go on the local pace
/// alone for <see cref="CoolOff"/> (logged once): a global 429 then costs a retry, never a post.
/// </summary>
public sealed partial class PostgresRateBudget(PostgresStore store, TimeProvider time, ILogger<PostgresRateBudget> logger) : IRateBudget
{
    public const int Batch = 5;

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMilliseconds(250);

    /// <summary>After the database failed to answer, how long requests go on the local pace alone before it is asked again.</summary>
    public static readonly TimeSpan CoolOff = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Tokens> _budgets = new(StringComparer.Ordinal);
    private long _askAgainAtTicks;

    public async Task TakeAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var tokens = _budgets.GetOrAdd(name, _ => new Tokens(new KeyedPacer(rule, time)));
        await (spare ? tokens.Pace.TakeSpareAsync(name, cancellationToken) : tokens.Pace.TakeAsync(name, cancellationToken)).ConfigureAwait(false);
        if (tokens.TrySpend(time.GetUtcNow()) || CoolingOff())
        {
            return;
        }

        await tokens.Fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!tokens.TrySpend(time.GetUtcNow()) && !CoolingOff())
            {
                var (granted, retryIn) = await store.TakeRateTokensAsync(name, rule, Batch, cancellationToken).ConfigureAwait(false);
                if (granted > 0)
                {
                    tokens.Refill(granted - 1, time.GetUtcNow() + TokenLifetime);
                    return;
                }

                await Task.Delay(retryIn, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Unavailable(name, ex);
        }
        finally
        {
            tokens.Fetching.Release();
        }
    }

    public void Hold(string name, TimeSpan wait)
    {
        if (_budgets.TryGetValue(name, out var tokens))
        {
            tokens.Pace.Hold(name, wait);
            tokens.Refill(0, DateTimeOffset.MinValue);
        }

        _ = HoldSharedAsync(name, wait);
    }

    private async Task HoldSharedAsync(string name, TimeSpan wait)
    {
        try
        {
            await store.HoldRateBudgetAsync(name, wait, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            Unavailable(name, ex);
        }
    }

    private bool CoolingOff() => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _askAgainAtTicks);

    private void Unavailable(string name, Exception ex)
    {
        Interlocked.Exchange(ref _askAgainAtTicks, (time.GetUtcNow() + CoolOff).UtcTicks);
        LogUnavailable(logger, name, ex.Message, CoolOff.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot take from the shared rate budget {Budget} in the database ({Reason}); for the next "
        + "{Seconds} s this replica keeps its own pace alone, so the platform may answer 429 while several replicas post")]
    private static partial void LogUnavailable(ILogger logger, string budget, string reason, double seconds);

    /// <summary>This replica's batch of one budget: tokens left and when they lapse, behind the replica's own pace.</summary>
    private sealed class Tokens(KeyedPacer pace)
    {
        private readonly Lock _gate = new();
        private int _left;
        private DateTimeOffset _lapseAt;

        public KeyedPacer Pace => pace;

        /// <summary>One fetch from the database at a time; the others wait for its batch.</summary>
        public SemaphoreSlim Fetching { get; } = new(1, 1);

        public bool TrySpend(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_left <= 0 || now >= _lapseAt)
                {
                    return false;
                }

                _left--;
                return true;
            }
        }

        public void Refill(int left, DateTimeOffset lapseAt)
        {
            lock (_gate)
            {
                (_left, _lapseAt) = (left, lapseAt);
            }
        }
    }
}
