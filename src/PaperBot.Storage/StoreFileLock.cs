namespace PaperBot.Storage;

/// <summary>
/// An exclusive lock file beside the database. LiteDB 5's Direct mode opens the data file with a shared lock
/// only, so two processes could both write it and corrupt it; this lock makes the second one fail instead.
/// </summary>
/// <remarks>
/// On Linux .NET maps <see cref="FileShare.None"/> to <c>flock(LOCK_EX | LOCK_NB)</c>, which conflicts with a
/// second open both from another process and from this one. The kernel drops the lock when the process dies,
/// so a lock file left behind by a crash is harmless. OpenOrCreate + DeleteOnClose + FileShare.None is the
/// combination for which .NET re-checks, after locking, that the path still names the file it locked, which
/// closes the race with a holder that is deleting the file on shutdown.
/// </remarks>
internal sealed class StoreFileLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreFileLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    public static StoreFileLock Acquire(string databasePath)
    {
        var lockPath = PathFor(databasePath);
        FileStream stream;
        try
        {
            stream = new FileStream(
                lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex) when (IsSharingViolation(ex))
        {
            throw new StoreLockedException(databasePath, lockPath, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreOpenException(databasePath, $"the lock file {lockPath} cannot be created ({ex.Message}).", ex);
        }

        // The holder's process id, for an operator who wonders who has the file.
        var pid = System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n");
        stream.SetLength(0);
        stream.Write(pid);
        stream.Flush();
        return new StoreFileLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    // Unix reports the flock conflict as EWOULDBLOCK (11 on Linux, 35 on macOS); Windows as ERROR_SHARING_VIOLATION
    // or ERROR_LOCK_VIOLATION. Anything else (read-only disk, full disk) is not "another process".
    private static bool IsSharingViolation(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
