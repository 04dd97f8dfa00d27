using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaperBot.Core.Pacing;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// A rate budget every replica on the database spends together (Discord's 50 requests a second belong to the bot
/// token). The database row holds the budget's next free slot (the generic cell rate algorithm, as
/// <see cref="KeyedPacer"/> keeps it in memory); a replica reserves <see cref="Batch"/> slots per round trip, so a busy
/// replica costs the database about ten round trips a second, not one per request, and sends each request at its
/// slot. Each replica still keeps its own even pace and priorities first, and a spare request (a save hint) takes a
/// shared turn only while no replica keeps the budget busy, so every replica's posts go before any replica's hints. Slots left unused for
/// <see cref="SlotLifetime"/> lapse, so a replica that stalled can never spend them in a lump later: what is sent at
/// once stays within the burst plus a quarter second of the rate, well under what Discord allows. When the database
/// cannot be asked, requests go on the local pace alone for <see cref="CoolOff"/> (logged): a global 429 then costs a
/// retry, never a post.
/// </summary>
public sealed partial class PostgresRateBudget(PostgresStore store, TimeProvider time, ILogger<PostgresRateBudget> logger) : IRateBudget
{
    public const int Batch = 5;

    public static readonly TimeSpan SlotLifetime = TimeSpan.FromMilliseconds(250);

    /// <summary>After the database failed to answer, how long requests go on the local pace alone before it is asked again.</summary>
    public static readonly TimeSpan CoolOff = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Slots> _budgets = new(StringComparer.Ordinal);
    private long _askAgainAtTicks;

    public async Task TakeAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var slots = _budgets.GetOrAdd(name, _ => new Slots(new KeyedPacer(rule, time)));
        await (spare ? slots.Pace.TakeSpareAsync(name, cancellationToken) : slots.Pace.TakeAsync(name, cancellationToken)).ConfigureAwait(false);
        if (spare)
        {
            await TakeSpareSharedAsync(name, rule, slots, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await NextSlotAsync(name, rule, slots, cancellationToken).ConfigureAwait(false) is { } slot && slot > time.GetUtcNow())
        {
            await Task.Delay(slot - time.GetUtcNow(), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A turn only when this replica's own pace has one and the shared row has a slot due now (asked each time, as such
    /// requests are few); while the database cannot be asked, the local pace alone decides.
    /// </summary>
    public async ValueTask<bool> TryTakeAsync(string name, RateRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var slots = _budgets.GetOrAdd(name, _ => new Slots(new KeyedPacer(rule, time)));
        if (slots.Pace.TryTake(name) is not null)
        {
            return false;
        }

        if (CoolingOff())
        {
            return true;
        }

        try
        {
            return await store.TryTakeRateSlotAsync(name, rule, spare: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Unavailable(name, ex);
            return true;
        }
    }

    public void Hold(string name, TimeSpan wait)
    {
        if (_budgets.TryGetValue(name, out var slots))
        {
            slots.Pace.Hold(name, wait);
            slots.Clear();
        }

        _ = HoldSharedAsync(name, wait);
    }

    /// <summary>
    /// A spare request (a save hint) waits until the shared budget has a turn no replica's ordinary requests are using:
    /// one spare request of this replica asks at a time, every <see cref="Batch"/> intervals, so posts of every replica
    /// go first and waiting hints cost the database about ten questions a second.
    /// </summary>
    private async Task TakeSpareSharedAsync(string name, RateRule rule, Slots slots, CancellationToken cancellationToken)
    {
        await slots.Spare.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!CoolingOff())
            {
                try
                {
                    if (await store.TryTakeRateSlotAsync(name, rule, spare: true, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    Unavailable(name, ex);
                    return;
                }

                await Task.Delay(rule.Interval * Batch, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            slots.Spare.Release();
        }
    }

    /// <summary>This replica's next reserved slot, reserving a batch when none is left; null when the database cannot be asked.</summary>
    private async Task<DateTimeOffset?> NextSlotAsync(string name, RateRule rule, Slots slots, CancellationToken cancellationToken)
    {
        if (slots.TryNext(time.GetUtcNow()) is { } ready)
        {
            return ready;
        }

        await slots.Reserving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!CoolingOff())
            {
                if (slots.TryNext(time.GetUtcNow()) is { } slot)
                {
                    return slot;
                }

                var end = await store.ReserveRateSlotsAsync(name, rule, Batch, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                // A slot in the past (the budget had a burst to spare) is due now, and lapses counting from now.
                slots.Add(Enumerable.Range(0, Batch).Select(k => now + end - (rule.Interval * (Batch - k))).Select(at => at > now ? at : now));
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Unavailable(name, ex);
        }
        finally
        {
            slots.Reserving.Release();
        }

        return null;
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

    /// <summary>This replica's reserved slots of one budget, in order, behind the replica's own pace.</summary>
    private sealed class Slots(KeyedPacer pace)
    {
        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _reserved = new();

        public KeyedPacer Pace => pace;

        /// <summary>One reservation at a time; the others wait for its batch.</summary>
        public SemaphoreSlim Reserving { get; } = new(1, 1);

        /// <summary>One spare request at a time asks the database for a spare turn.</summary>
        public SemaphoreSlim Spare { get; } = new(1, 1);

        public DateTimeOffset? TryNext(DateTimeOffset now)
        {
            lock (_gate)
            {
                while (_reserved.TryDequeue(out var slot))
                {
                    if (slot + SlotLifetime > now)
                    {
                        return slot;
                    }
                }

                return null;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _reserved.Clear();
            }
        }

        public void Add(IEnumerable<DateTimeOffset> slots)
        {
            lock (_gate)
            {
                foreach (var slot in slots)
                {
                    _reserved.Enqueue(slot);
                }
            }
        }
    }
}
