namespace PaperBot.Storage;

/// <summary>Thrown when another PaperBot process (or another store in this one) already has the database open.</summary>
public sealed class StoreLockedException : Exception
{
    public StoreLockedException(string databasePath, string lockPath, Exception? innerException = null)
        : base(
            $"Another PaperBot process is already using {databasePath} (lock file {lockPath} is held). "
            + "Stop that process, or point Storage:Path at a different file.",
            innerException)
    {
        DatabasePath = databasePath;
        LockPath = lockPath;
    }

    public string DatabasePath { get; }

    public string LockPath { get; }
}
