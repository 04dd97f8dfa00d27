using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>Reads a connection string and describes its database for messages, leaving the password out.</summary>
internal static class ConnectionTarget
{
    /// <exception cref="PostgresStoreException">The text is not a connection string Npgsql can read.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message names the keyword at fault; the inner exception is dropped in case it quotes a value.
            throw new PostgresStoreException("(unreadable connection string)",
                $"it is not a connection string Npgsql can read ({ex.GetType().Name}: {FirstKeyword(ex.Message)}). Write it as "
                + "\"Host=db.internal;Port=5432;Database=paperbot;Username=paperbot;Password=...\".");
        }
    }

    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Username ?? Environment.UserName}@{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default)"}";

    // Keeps the message up to its first quote: Npgsql's "Keyword not supported: 'x'" names a keyword, never a value, but a
    // conversion error may quote the value, and that value could be the password.
    private static string FirstKeyword(string message)
    {
        var quote = message.IndexOfAny(['\'', '"']);
        return quote < 0 ? message : message[..quote].TrimEnd(' ', ':');
    }
}
