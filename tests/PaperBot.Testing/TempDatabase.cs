using PaperBot.Storage;

namespace PaperBot.Testing;

/// <summary>A fresh directory under the temp folder holding one database path; deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private LiteDbStore? _store;

    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperbot-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "paperbot.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public string LockPath => Path + ".lock";

    public LiteDbStore Open() => LiteDbStore.Open(Path);

    /// <summary>One store on this path, opened on first use and closed on dispose.</summary>
    public LiteDbStore Store => _store ??= Open();

    public void Dispose()
    {
        _store?.Dispose();
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
