namespace PaperBot.Storage.Postgres.Copying;

/// <summary>
/// <c>paperbot storage migrate --from &lt;litedb file&gt; --to &lt;connection string&gt; [--force]</c>: copies a LiteDB store into
/// PostgreSQL, prints the counts, and exits 0 when every count matches, 1 when it refused or failed, 2 on a usage error.
/// </summary>
public static class StorageCli
{
    private const string Usage = "Usage: paperbot storage migrate --from <litedb file> --to <connection string> [--force]";

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] != "migrate" || Parse(args.Skip(1).ToList()) is not { } parsed)
        {
            error.WriteLine(Usage);
            return Task.FromResult(2);
        }

        return Task.FromResult(Migrate(parsed.From, parsed.To, parsed.Force, output, error));
    }

    private static int Migrate(string from, string to, bool force, TextWriter output, TextWriter error)
    {
        // LiteDB creates a missing file, and an empty copy "succeeds": a typo must not look like a migration.
        if (!File.Exists(from))
        {
            error.WriteLine($"There is no LiteDB file at {Path.GetFullPath(from)}. Nothing was copied.");
            return 1;
        }

        try
        {
            using var source = LiteDbStore.Open(from);
            using var target = PostgresStore.Open(to, exclusive: true);
            output.WriteLine($"Copying {source.Location} into PostgreSQL {target.Location}{(force ? " (replacing what it holds)" : "")}");
            StoreCopy.Run(source, target, force, output.WriteLine);
            output.WriteLine("Done: every count matches. Set Storage:Provider=Postgres and Storage:ConnectionString to use it.");
            return 0;
        }
        catch (Exception ex) when (ex is StoreCopyRefusedException or PostgresStoreException or StoreLockedException or StoreOpenException
            or InvalidOperationException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static (string From, string To, bool Force)? Parse(IReadOnlyList<string> options)
    {
        string? from = null, to = null;
        var force = false;
        for (var i = 0; i < options.Count; i++)
        {
            switch (options[i])
            {
                case "--from" when i + 1 < options.Count:
                    from = options[++i];
                    break;
                case "--to" when i + 1 < options.Count:
                    to = options[++i];
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    return null;
            }
        }

        return string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) ? null : (from, to, force);
    }
}
