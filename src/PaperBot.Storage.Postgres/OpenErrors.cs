using System.Net.Sockets;
using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>Turns what Npgsql throws while connecting and migrating into a sentence an operator can act on.</summary>
internal static class OpenErrors
{
    public static PostgresStoreException Explain(Exception error, NpgsqlConnectionStringBuilder target, string where)
    {
        if (error is PostgresStoreException known)
        {
            return known;
        }

        var user = target.Username ?? Environment.UserName;
        var reason = error switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"the server refused to log in user \"{user}\" ({((PostgresException)error).MessageText}). Check Username and Password "
                + "in Storage:ConnectionString, and that pg_hba.conf lets this host in.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"the database \"{target.Database}\" does not exist. Create it (CREATE DATABASE \"{target.Database}\" OWNER \"{user}\";) "
                + "or set Database in Storage:ConnectionString to an existing one.",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } =>
                $"user \"{user}\" lacks the rights PaperBot needs ({((PostgresException)error).MessageText}). PaperBot creates and "
                + $"migrates its own tables: make the user the database's owner (ALTER DATABASE \"{target.Database}\" OWNER TO \"{user}\";) "
                + $"or grant them (GRANT CREATE, USAGE ON SCHEMA public TO \"{user}\";).",
            PostgresException postgres => $"the server answered {postgres.SqlState}: {postgres.MessageText}.",
            NpgsqlException or SocketException or TimeoutException when Unreachable(error) =>
                $"the server at {target.Host}:{target.Port} cannot be reached ({Innermost(error).Message.TrimEnd('.')}). Check that "
                + "PostgreSQL is running and listening there, and that Host and Port in Storage:ConnectionString are right.",
            NpgsqlException npgsql => $"{npgsql.Message.TrimEnd('.')}.",
            _ => $"{error.Message.TrimEnd('.')}.",
        };

        return new PostgresStoreException(where, reason, error);
    }

    private static bool Unreachable(Exception error) =>
        error is SocketException or TimeoutException || error.InnerException is SocketException or TimeoutException or IOException;

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
