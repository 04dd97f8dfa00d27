namespace PaperBot.Storage;

/// <summary>
/// Makes LiteDB's write-ahead log durable after a commit. LiteDB 5.0's commit writes its pages to the log file
/// (<c>name-log.db</c>) synchronously but without fsync: they survive a crash of this process, not a power cut.
/// fsync on a handle of our own flushes them (the kernel syncs the file, whichever handle wrote it), and a
/// committed transaction found in the log is replayed into the data file when the database is next opened. This
/// replaces a checkpoint per batch of writes, which made them durable too but also emptied LiteDB's whole page
/// cache, so that the next write read every page again from the file: a third to half the CPU of a write committed
/// alone, and most of its time.
/// </summary>
internal sealed class LogFileSync(string databasePath)
{
    /// <summary>LiteDB's name for the log of <c>dir/name.ext</c>: <c>dir/name-log.ext</c>.</summary>
    public string LogPath { get; } = Path.Combine(
        Path.GetDirectoryName(databasePath) ?? "",
        Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    /// <summary>fsyncs the log file; false when there is none to sync.</summary>
    /// <remarks>
    /// The handle is opened for each flush rather than kept: LiteDB deletes the log file when it closes the database,
    /// and a handle kept across that would sync a file that no longer has a name. Opening it shares everything, so
    /// LiteDB's own handles are never in the way; nothing is ever written through it.
    /// </remarks>
    public bool Flush()
    {
        FileStream log;
        try
        {
            log = new FileStream(LogPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        using (log)
        {
            log.Flush(flushToDisk: true);
        }

        return true;
    }
}
