namespace PaperBot.Storage;

/// <summary>Thrown when the file at Storage:Path exists but cannot be opened as PaperBot's LiteDB database.</summary>
public sealed class StoreOpenException : Exception
{
    /// <summary>What to do about a file PaperBot cannot read: start afresh, restore, or use another file.</summary>
    public const string UnreadableAdvice = "Move the file aside (PaperBot creates a fresh database on start), restore it from a backup, "
        + "or point Storage:Path at a different file.";

    /// <param name="advice">What the operator should do; <see cref="UnreadableAdvice"/> unless the file is fine but not for this version.</param>
    public StoreOpenException(string databasePath, string reason, Exception? innerException = null, string advice = UnreadableAdvice)
        : base($"Cannot open {databasePath} as PaperBot's database: {reason} {advice}", innerException)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
}
