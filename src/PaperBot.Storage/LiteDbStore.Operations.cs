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

    /// <summary>Runs <paramref name="write"/> in a transaction and makes it durable before returning.</summary>
    /// <remarks>
    /// LiteDB 5.0's commit writes the log file without fsync: it survives a crash of this process but not a power
    /// cut. So each batch fsyncs the log file (<see cref="LogFileSync"/>), and the write is on disk before the caller
    /// acts on it (posts, replies); LiteDB copies the log into the data file at its own checkpoints (when the log
    /// passes its checkpoint size, and on close). Writes are group-committed: while one batch commits, callers queue;
    /// the first of them then runs the whole queue as the next batch, in one transaction with one fsync, and every caller
    /// returns once its batch is on disk. A fan-out to many channels so pays one transaction and one fsync per
    /// batch instead of per write. A write that throws rolls its batch back, the rest are redone one by one, and
    /// only that caller sees the exception.
    /// </remarks>
    private T Write<T>(Func<T> write)
    {
        if (Volatile.Read(ref _batchThread) == Environment.CurrentManagedThreadId)
        {
            // A write inside a write (never done today) joins the running transaction.
            return write();
        }

        var queued = Enqueue(() => write(), out var lead);
        if (lead || queued.Turn.GetAwaiter().GetResult())
        {
            RunBatch();
        }

        return (T)queued.Result!;
    }

    /// <summary><see cref="Write{T}"/> for async callers: while another caller's batch commits, this one holds no thread.</summary>
    private async ValueTask WriteAsync(Action write)
    {
        var queued = Enqueue(() =>
        {
            write();
            return null;
        }, out var lead);
        if (lead || await queued.Turn.ConfigureAwait(false))
        {
            RunBatch();
        }

        _ = queued.Result;
    }

    /// <summary>Queues a write; <paramref name="lead"/> when no batch is running, so the caller must run one now.</summary>
    private QueuedWrite Enqueue(Func<object?> write, out bool lead)
    {
        var queued = new QueuedWrite(write);
        lock (_queueGate)
        {
            _queue.Add(queued);
            lead = !_batchRunning;
            _batchRunning = true;
        }

        return queued;
    }

    /// <summary>Commits everything queued as one batch, then hands the lead to the first caller queued since.</summary>
    private void RunBatch()
    {
        List<QueuedWrite> batch;
        lock (_queueGate)
        {
            batch = _queue;
            _queue = [];
        }

        try
        {
            lock (_gate)
            {
                _batchThread = Environment.CurrentManagedThreadId;
                try
                {
                    Commit(batch);
                }
                catch
                {
                    // Whatever the batch changed in remembered rows may not be stored.
                    _owed.Forget();
                    throw;
                }
                finally
                {
                    _batchThread = 0;
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
            {
                write.Fail(ex);
            }
        }

        foreach (var write in batch)
        {
            write.Complete();
        }

        lock (_queueGate)
        {
            if (_queue.Count == 0)
            {
                _batchRunning = false;
                return;
            }

            _queue[0].Promote();
        }
    }

    /// <summary>Under <c>_gate</c>: the batch in one transaction plus an fsync of the log, or one by one when a write throws.</summary>
    private void Commit(List<QueuedWrite> batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryCommitTogether(batch))
        {
            foreach (var write in batch)
            {
                TryCommitTogether([write]);
            }
        }

        // No log file after a commit would be LiteDB changing how it writes: a checkpoint is then the safe way to disk.
        if (!_logSync.Flush())
        {
            _db.Checkpoint();
        }
    }

    /// <summary>False (rolled back) when a write threw; a lone write that throws keeps its exception.</summary>
    private bool TryCommitTogether(List<QueuedWrite> writes)
    {
        _db.BeginTrans();
        foreach (var write in writes)
        {
            try
            {
                write.Run();
            }
            catch (Exception ex)
            {
                _db.Rollback();

                // The writes rolled back may have changed remembered rows before they threw.
                _owed.Forget();
                if (writes.Count == 1)
                {
                    write.Fail(ex);
                }

                return false;
            }
        }

        _db.Commit();
        return true;
    }
}
