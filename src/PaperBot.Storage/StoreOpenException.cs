namespace PaperBot.Storage;

/// <summary>Thrown when the file at Storage:Path exists but cannot be opened as PaperBot's LiteDB database.</summary>
public sealed class StoreOpenException : Exception
{
    public StoreOpenException(string databasePath, string reason, Exception? innerException = null)
        : base(
            $"Cannot open {databasePath} as PaperBot's database: {reason} "
            + "Move the file aside (PaperBot creates a fresh database on start), restore it from a backup, "
            + "or point Storage:Path at a different file.",
            innerException)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
}
