using Npgsql;
using PaperBot.Core.Pacing;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    // One row per budget holds the generic cell rate algorithm's next slot (next_at) on the server's clock, so replicas'
    // clocks never matter. A reservation is one UPDATE: the row lock serialises replicas, and each takes the next
    // `count` slots, never before now minus the burst's tolerance nor before a 429's hold. Every round trip therefore
    // yields a whole batch (a token bucket's "take what is left" gives starved replicas one token or none per trip).
    private const string ReserveSql = """
        UPDATE rate_budgets
        SET next_at = GREATEST(next_at, statement_timestamp() - $2 * interval '1 second', held_until) + $3 * interval '1 second'
        WHERE name = $1
        RETURNING EXTRACT(EPOCH FROM next_at - statement_timestamp())::double precision
        """;

    /// <summary>
    /// Reserves the next <paramref name="count"/> slots of the budget <paramref name="name"/>, kept to
    /// <paramref name="rule"/> across every replica, and returns when the last of them ends, from now (negative when the
    /// budget had a burst to spare): slot k of n is at that minus (n - k) intervals.
    /// </summary>
    internal async Task<TimeSpan> ReserveRateSlotsAsync(string name, RateRule rule, int count, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var end = await ReserveAsync(connection, name, rule, count, cancellationToken).ConfigureAwait(false);
        if (end is null)
        {
            await CreateRateBudgetAsync(connection, name, cancellationToken).ConfigureAwait(false);
            end = await ReserveAsync(connection, name, rule, count, cancellationToken).ConfigureAwait(false);
        }

        return TimeSpan.FromSeconds(end ?? throw new InvalidOperationException($"The rate budget {name} could not be created."));
    }

    // The slot a reservation of one would get is GREATEST(next_at, now - tolerance, held_until): taken only if it is due,
    // and for a spare request only if it is due by the part of the burst a spare request may not use ($4).
    private const string TryTakeSql = """
        UPDATE rate_budgets
        SET next_at = GREATEST(next_at, statement_timestamp() - $2 * interval '1 second', held_until) + $3 * interval '1 second'
        WHERE name = $1
          AND GREATEST(next_at, statement_timestamp() - $2 * interval '1 second', held_until) <= statement_timestamp() - $4 * interval '1 second'
        """;

    /// <summary>
    /// Takes the budget's next slot only if it is due now, across every replica; false when none is. A
    /// <paramref name="spare"/> request gets one only while the budget is not running into its burst (as
    /// <see cref="KeyedPacer.TakeSpareAsync"/> keeps it in one process), so it never takes a turn from requests of
    /// other replicas that keep the budget busy.
    /// </summary>
    internal async Task<bool> TryTakeRateSlotAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var reserved = spare ? rule.Tolerance - rule.SpareTolerance : TimeSpan.Zero;
        if (await TryTakeAsync(connection, name, rule, reserved, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        // Not due, or the budget has no row yet: only a row created just now can have a slot to give.
        return await CreateRateBudgetAsync(connection, name, cancellationToken).ConfigureAwait(false)
            && await TryTakeAsync(connection, name, rule, reserved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A 429 for the whole budget: no replica is given a slot of it for <paramref name="wait"/>.</summary>
    internal async Task HoldRateBudgetAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "UPDATE rate_budgets SET held_until = GREATEST(held_until, statement_timestamp() + $2 * interval '1 second') WHERE name = $1",
            name, wait.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the budget's row, idle; false when it was there already.</summary>
    private static async Task<bool> CreateRateBudgetAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var create = Command(connection, null,
            "INSERT INTO rate_budgets (name, next_at) VALUES ($1, '-infinity') ON CONFLICT (name) DO NOTHING", name);
        return await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<bool> TryTakeAsync(NpgsqlConnection connection, string name, RateRule rule, TimeSpan reserved, CancellationToken cancellationToken)
    {
        await using var take = Command(connection, null, TryTakeSql, name, rule.Tolerance.TotalSeconds, rule.Interval.TotalSeconds, reserved.TotalSeconds);
        return await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<double?> ReserveAsync(NpgsqlConnection connection, string name, RateRule rule, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, ReserveSql, name, rule.Tolerance.TotalSeconds, (rule.Interval * count).TotalSeconds);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is double end ? end : null;
    }
}
