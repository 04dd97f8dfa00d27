namespace PaperBot.Storage.Postgres;

/// <summary>
/// Thrown when the PostgreSQL database named by Storage:ConnectionString cannot be used: unreachable, refused the login,
/// missing, lacking rights, or of a newer schema. The message names the setting and the server, never the password.
/// </summary>
public sealed class PostgresStoreException : Exception
{
    public PostgresStoreException(string where, string reason, Exception? innerException = null)
        : base($"Cannot use the PostgreSQL database {where} (Storage:ConnectionString): {reason}", innerException)
    {
        Where = where;
    }

    /// <summary>The database as <c>user@host:port/database</c>, without the password.</summary>
    public string Where { get; }
}
