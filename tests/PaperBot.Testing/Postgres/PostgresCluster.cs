using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PaperBot.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: <c>initdb</c> into a temp folder (as the <c>postgres</c> user when running as
/// root, which initdb refuses), <c>pg_ctl</c> on a free port of 127.0.0.1 with its socket in the same folder, password
/// logins over TCP. <see cref="Shared"/> starts one per test process on first use and removes it when the process exits;
/// each test takes its own database from <see cref="CreateDatabase"/>.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<PostgresCluster> SharedCluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresCluster(string bin, string folder, bool asPostgresUser, int port, string password)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
        SuperuserPassword = password;
    }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    public int Port { get; }

    /// <summary>The password of the <c>postgres</c> superuser (random per cluster).</summary>
    public string SuperuserPassword { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string for <paramref name="database"/> as the superuser, or as another role.</summary>
    public string ConnectionString(string database, string user = "postgres", string? password = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = user,
        Password = password ?? SuperuserPassword,
        Pooling = true,
        MaxPoolSize = 20,
        Timeout = 60,
    }.ConnectionString;

    /// <summary>Creates a database with a fresh name, empty or a copy of <paramref name="template"/>; dispose the result to drop it.</summary>
    public PostgresDatabase CreateDatabase(string? template = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        Admin(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return new PostgresDatabase(this, name);
    }

    /// <summary>Runs one statement as the superuser in the <c>postgres</c> database (or <paramref name="database"/>).</summary>
    public void Admin(string sql, string database = "postgres")
    {
        using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    internal void DropDatabase(string name)
    {
        Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();

        // One shell for both steps: the test host may be ended right after its exit handlers start, and the shell, a
        // separate process, still removes the folder once the server has stopped.
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var stop = _asPostgresUser ? $"runuser -u postgres -- '{pgCtl}' -D '{DataFolder}' -m immediate -w stop" : $"'{pgCtl}' -D '{DataFolder}' -m immediate -w stop";
        PostgresProcess.Run("/bin", "sh", false, ["-c", $"{stop} >/dev/null 2>&1; rm -rf '{_folder}'"], throwOnError: false);
    }

    private static PostgresCluster Start()
    {
        var bin = PostgresBinaries.Find();
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        File.WriteAllText(Path.Combine(folder, "pwfile"), password + "\n");
        if (asPostgresUser)
        {
            PostgresProcess.Run("/bin", "chown", false, ["-R", "postgres:postgres", folder]);
        }

        var data = Path.Combine(folder, "data");
        PostgresProcess.Run(bin, "initdb", asPostgresUser,
            ["-D", data, "-U", "postgres", "--pwfile", Path.Combine(folder, "pwfile"), "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();

        // fsync off: a throwaway cluster need not survive a power cut, and the tests run faster; commits stay synchronous.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c full_page_writes=off -c max_connections=300";
        PostgresProcess.Run(bin, "pg_ctl", asPostgresUser, ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        var cluster = new PostgresCluster(bin, folder, asPostgresUser, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
