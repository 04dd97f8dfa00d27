using PaperBot.Testing;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>Opening, locking, reopening and refusing files.</summary>
public sealed class StoreFileTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Open_MissingFileInMissingDirectory_CreatesBoth()
    {
        var path = Path.Combine(_database.Directory, "nested", "deeper", "paperbot.db");

        using (var store = LiteDbStore.Open(path))
        {
            Assert.Equal(path, store.Location);
            Assert.Equal(0, store.Count());
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Open_RelativePath_ResolvesAgainstWorkingDirectory()
    {
        var relative = Path.Combine("paperbot-storage-test-" + Guid.NewGuid().ToString("N"), "paperbot.db");
        try
        {
            using var store = LiteDbStore.Open(relative);

            Assert.Equal(Path.Combine(Environment.CurrentDirectory, relative), store.Location);
            Assert.True(File.Exists(store.Location));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetFullPath(relative))!, recursive: true);
        }
    }

    [Fact]
    public void Open_SecondStoreOnSamePath_ThrowsStoreLockedAndFirstKeepsWorking()
    {
        using var first = _database.Open();

        var error = Assert.Throws<StoreLockedException>(() => LiteDbStore.Open(_database.Path));

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Path", error.Message, StringComparison.Ordinal);
        Assert.Equal(_database.LockPath, error.LockPath);
        Assert.True(first.Save(Samples.Alice, "2509.00001", Samples.Now));
        Assert.Single(first.ListSaved(Samples.Alice));
    }

    [Fact]
    public void Open_AfterFirstStoreDisposed_SucceedsAndLockFileIsGone()
    {
        _database.Open().Dispose();

        Assert.False(File.Exists(_database.LockPath));
        using var second = _database.Open();
        Assert.True(File.Exists(_database.LockPath));
    }

    [Fact]
    public void Open_StaleLockFileFromACrash_Succeeds()
    {
        File.WriteAllText(_database.LockPath, "12345\n");

        using var store = _database.Open();

        Assert.Equal(0, store.Count());
    }

    [Fact]
    public void Open_SmallTextFile_ThrowsStoreOpenAndLeavesTheFileAlone()
    {
        File.WriteAllText(_database.Path, "these are somebody's notes, not a database\n");

        var error = Assert.Throws<StoreOpenException>(_database.Open);

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal("these are somebody's notes, not a database\n", File.ReadAllText(_database.Path));
        Assert.False(File.Exists(_database.LockPath));
    }

    [Fact]
    public void Open_LargeNonLiteDbFile_ThrowsStoreOpenAndLeavesTheFileAlone()
    {
        var bytes = new byte[3 * 8192 + 100];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(_database.Path, bytes);

        var error = Assert.Throws<StoreOpenException>(_database.Open);

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_database.Path));
    }

    [Fact]
    public void Open_LiteDbFileWithDamagedPages_ThrowsStoreOpenNamingThePath()
    {
        using (var store = _database.Open())
        {
            store.RecordPoll([Samples.Paper("2509.00001")], [], Samples.Polled(Samples.Day));
        }

        using (var file = new FileStream(_database.Path, FileMode.Open, FileAccess.Write))
        {
            // Keep LiteDB's signature, ruin the header's page pointers and everything after them.
            file.Position = 64;
            file.Write(Enumerable.Repeat((byte)0xFF, (int)file.Length - 64).ToArray());
        }

        var error = Assert.Throws<StoreOpenException>(_database.Open);

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Dispose_ThenReopen_KeepsEverythingWritten()
    {
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        int subscriptionId;
        using (var store = _database.Open())
        {
            store.RecordPoll([Samples.Paper("2509.00001", upvotes: 9)], [delivery], Samples.Polled(Samples.Day));
            store.MarkSent(delivery.Id, "m-1", Samples.Now);
            subscriptionId = store.AddSubscription(Samples.General, "llm", "discord:42", Samples.Now).Id;
            store.SetPaused(Samples.Research, "Missing access", Samples.Now);
            store.Save(Samples.Alice, "2509.00001", Samples.Now);
        }

        using var reopened = _database.Open();

        Assert.Equal(9, reopened.Find("2509.00001")!.Upvotes);
        Assert.Equal(DeliveryState.Sent, reopened.FindDelivery(delivery.Id)!.State);
        Assert.NotNull(reopened.FindPost(Samples.General, "m-1"));
        Assert.Equal(subscriptionId, Assert.Single(reopened.SubscriptionsOf(Samples.General)).Id);
        Assert.True(reopened.FindChannel(Samples.Research)!.IsPaused);
        Assert.Single(reopened.ListSaved(Samples.Alice));
        Assert.Equal(Samples.Polled(Samples.Day), reopened.GetPollState());
    }

    [Fact]
    public void MarkSent_StoreStillOpen_IsAlreadyInTheFilesLiteDbReopensFrom()
    {
        var copy = Path.Combine(_database.Directory, "copy.db");
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        var log = new LogFileSync(_database.Path);
        using (var store = _database.Open())
        {
            store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));
            store.MarkSent(delivery.Id, "m-1", Samples.Now);

            // The data file and LiteDB's log as they are now, fsynced: what a power cut right now would leave behind.
            // The log must be where LogFileSync looks for it, or the writes would fall back to a checkpoint each.
            Assert.True(File.Exists(log.LogPath), $"LiteDB's log is not at {log.LogPath}");
            File.Copy(_database.Path, copy);
            File.Copy(log.LogPath, new LogFileSync(copy).LogPath);
        }

        using var fromCopy = LiteDbStore.Open(copy);
        Assert.Equal(DeliveryState.Sent, fromCopy.FindDelivery(delivery.Id)!.State);
        Assert.NotNull(fromCopy.FindPost(Samples.General, "m-1"));
    }

    [Fact]
    public void Write_StoreStillOpen_LeavesTheDataFileToLiteDbsCheckpoints()
    {
        var copy = Path.Combine(_database.Directory, "copy.db");
        var delivery = Samples.Delivery(Samples.General, "2509.00001");
        using (var store = _database.Open())
        {
            store.RecordPoll([], [delivery], Samples.Polled(Samples.Day));

            // A write is made durable by syncing the log, not by a checkpoint (which would empty LiteDB's page cache).
            File.Copy(_database.Path, copy);
        }

        using var fromCopy = LiteDbStore.Open(copy);
        Assert.Null(fromCopy.FindDelivery(delivery.Id));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterCallsThrowObjectDisposed()
    {
        var store = _database.Open();
        store.Dispose();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Count());
        Assert.Throws<ObjectDisposedException>(() => store.Save(Samples.Alice, "2509.00001", Samples.Now));
    }
}
