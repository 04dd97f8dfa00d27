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

    /// <summary>
    /// Runs <paramref name="write"/> as one transaction and makes it durable before returning.
    /// </summary>
    /// <remarks>
    /// LiteDB 5.0's commit writes the log file without fsync: it survives a crash of this process but not a power
    /// cut. A checkpoint copies the log into the data file and fsyncs it, so the write is on disk before the caller
    /// acts on it (posts, replies). Checkpoints are shared (group commit): writes that commit while one checkpoint
    /// runs wait for the next, which covers them all, so a fan-out to many channels pays one fsync per batch of
    /// writes instead of one per write, and no caller returns before its own write is on disk.
    /// </remarks>
    private T Write<T>(Func<T> write)
    {
        T result;
        long commit;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _db.BeginTrans();
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

            commit = ++_committed;
        }

        MakeDurable(commit);
        return result;
    }

    /// <summary>Returns once a checkpoint has covered commit number <paramref name="commit"/>, running one if none has.</summary>
    private void MakeDurable(long commit)
    {
        lock (_checkpointGate)
        {
            if (_checkpointed >= commit)
            {
                return;
            }

            lock (_gate)
            {
                // Closing the database checkpoints it: a write committed before Dispose is on disk already.
                if (_disposed)
                {
                    return;
                }

                var covered = _committed;
                _db.Checkpoint();
                _checkpointed = covered;
            }
        }
    }
}
