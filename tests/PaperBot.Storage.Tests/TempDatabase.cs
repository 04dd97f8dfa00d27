namespace PaperBot.Storage.Tests;

/// <summary>A fresh directory under the temp folder holding one database path; deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperbot-storage-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "paperbot.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public string LockPath => Path + ".lock";

    public LiteDbStore Open() => LiteDbStore.Open(Path);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
