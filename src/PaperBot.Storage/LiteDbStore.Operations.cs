namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read();
        }
    }

    private void Write(Action write) => Write(() =>
    {
        write();
        return true;
    });

    /// <summary>Runs <paramref name="write"/> as one transaction and makes it durable before returning.</summary>
    private T Write<T>(Func<T> write)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _db.BeginTrans();
            T result;
            try
            {
                result = write();
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            // LiteDB 5.0's commit writes the log file without fsync: it survives a crash of this process but
            // not a power cut. A checkpoint copies the log into the data file and fsyncs it, so the write is on
            // disk before the caller acts on it (posts, replies). Writes are rare enough for that to be cheap.
            _db.Checkpoint();
            return result;
        }
    }
}
