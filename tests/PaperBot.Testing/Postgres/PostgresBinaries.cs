namespace PaperBot.Testing.Postgres;

/// <summary>
/// Finds PostgreSQL's server programs: <c>PAPERBOT_PG_BIN</c>, else <c>initdb</c> on the PATH, else Debian's
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (the newest), where the <c>postgresql</c> package puts them off the PATH.
/// </summary>
internal static class PostgresBinaries
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("PAPERBOT_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"PAPERBOT_PG_BIN is {configured}, which holds no initdb.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            // Debian links /usr/local/bin/initdb and friends to the versioned folder; pg_ctl must come from the same one.
            return Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath)!;
        }

        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "The PostgreSQL tests need a PostgreSQL server installed (initdb and pg_ctl): run 'apt-get install -y postgresql' "
            + "(.ci/run does), or set PAPERBOT_PG_BIN to the folder holding initdb.");
    }
}
