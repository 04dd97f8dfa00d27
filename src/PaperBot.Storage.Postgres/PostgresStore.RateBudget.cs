using Npgsql;
using PaperBot.Core.Pacing;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresStore
{
    // One row per budget, a token bucket refilled on the server's clock, so replicas' clocks never matter. Each take is
    // one UPDATE: the row lock serialises replicas, and every SET reads the row as it was, so the refill is spelt out
    // where it is used. refilled_at never goes back (a take that waited for the lock started before the one it waited
    // for), and a take that started earlier just sees no refill.
    private const string Refilled = "LEAST($2, tokens + $3 * GREATEST(0, EXTRACT(EPOCH FROM statement_timestamp() - refilled_at)))";
    private const string Granted = $"CASE WHEN held_until > statement_timestamp() THEN 0 ELSE LEAST($4, FLOOR({Refilled})) END";

    private const string TakeSql = $"""
        UPDATE rate_budgets SET
            granted = {Granted}::integer,
            tokens = {Refilled} - {Granted},
            refilled_at = GREATEST(refilled_at, statement_timestamp())
        WHERE name = $1
        RETURNING granted, tokens,
            CASE WHEN held_until > statement_timestamp() THEN EXTRACT(EPOCH FROM held_until - statement_timestamp()) ELSE 0 END::double precision
        """;

    /// <summary>
    /// Takes up to <paramref name="wanted"/> tokens of the budget <paramref name="name"/> (capacity and refill from
    /// <paramref name="rule"/>); when none is granted, also how long until the budget has a whole batch again.
    /// </summary>
    internal async Task<(int Granted, TimeSpan RetryIn)> TakeRateTokensAsync(string name, RateRule rule, int wanted, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var taken = await TakeAsync(connection, name, rule, wanted, cancellationToken).ConfigureAwait(false);
        if (taken is null)
        {
            await using var create = Command(connection, null,
                "INSERT INTO rate_budgets (name, tokens, refilled_at, granted) VALUES ($1, $2, statement_timestamp(), 0) ON CONFLICT (name) DO NOTHING",
                name, (double)rule.Burst);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            taken = await TakeAsync(connection, name, rule, wanted, cancellationToken).ConfigureAwait(false);
        }

        var (granted, left, heldFor) = taken ?? throw new InvalidOperationException($"The rate budget {name} could not be created.");
        var batch = Math.Min(wanted, rule.Burst);
        var retryIn = granted > 0 ? TimeSpan.Zero
            : heldFor > 0 ? TimeSpan.FromSeconds(heldFor)
            : TimeSpan.FromSeconds(Math.Max(0, batch - left) / rule.RequestsPerSecond);
        return (granted, retryIn);
    }

    /// <summary>A 429 for the whole budget: nobody is granted a token of it for <paramref name="wait"/>.</summary>
    internal async Task HoldRateBudgetAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            UPDATE rate_budgets SET held_until = GREATEST(held_until, statement_timestamp() + $2 * interval '1 second'), tokens = 0,
                refilled_at = GREATEST(refilled_at, statement_timestamp())
            WHERE name = $1
            """, name, wait.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(int Granted, double Left, double HeldFor)?> TakeAsync(
        NpgsqlConnection connection, string name, RateRule rule, int wanted, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, TakeSql, name, (double)rule.Burst, rule.RequestsPerSecond, wanted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2)) : null;
    }
}
