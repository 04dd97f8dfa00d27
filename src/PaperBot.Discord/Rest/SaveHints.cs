using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaperBot.Discord.Rest;

/// <summary>
/// The bot's own save reaction on each posted paper, sent after the posts rather than between them: hints queue
/// here and go out in the global rate limit's spare capacity (<see cref="RestRoute.Spare"/>), so a fan-out's posts
/// keep Discord's whole 50 requests a second. A hint that fails transiently (5xx, a reset, no answer, 429) is
/// retried with backoff; after <see cref="MaxAttempts"/> attempts, or at once on a refusal (message gone, no
/// permission), it is given up with one log line. Every post has its Save button anyway.
/// </summary>
internal sealed class SaveHints(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<SaveHints> logger)
    : IAsyncDisposable, IDisposable
{
    public const int MaxAttempts = 5;

    /// <summary>Hints waiting at most; past it a new hint is dropped (logged), since a backlog this deep means Discord is down.</summary>
    public const int Capacity = 20_000;

    /// <summary>Hints in flight at once: enough to fill the spare capacity across channels, each channel's bucket obeyed.</summary>
    public const int Parallel = 8;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<SaveHint> _queue = Channel.CreateBounded<SaveHint>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _pump;
    private int _owed;

    /// <summary>Hints queued, in flight or waiting to retry.</summary>
    public int Owed => Volatile.Read(ref _owed);

    /// <summary>Raised when a hint is done with: landed (true) or given up (false).</summary>
    internal event Action<bool>? Settled;

    public void Enqueue(string channelId, string messageId)
    {
        Interlocked.Increment(ref _owed);
        if (!_queue.Writer.TryWrite(new SaveHint(channelId, messageId)))
        {
            Interlocked.Decrement(ref _owed);
            Log.SaveHintGaveUp(logger, messageId, channelId, 0, $"more than {Capacity} hints are waiting");
            return;
        }

        lock (_gate)
        {
            _pump ??= Task.Run(() => PumpAsync(_stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? pump;
        lock (_gate)
        {
            pump = _pump;
            _pump = Task.CompletedTask;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        if (pump is not null)
        {
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Stops sending without waiting for hints in flight (a synchronous container disposal).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _pump ??= Task.CompletedTask;
        }

        _stop.Cancel();
        _queue.Writer.TryComplete();
    }

    private async Task PumpAsync(CancellationToken stopping)
    {
        using var slots = new SemaphoreSlim(Parallel, Parallel);
        var running = new List<Task>();
        try
        {
            await foreach (var hint in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(SendAsync(hint, slots, stopping));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: hints still owed are lost, which costs a nicety, never a post.
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendAsync(SaveHint hint, SemaphoreSlim slots, CancellationToken stopping)
    {
        string? problem;
        TimeSpan? retryAfter = null;
        var permanent = false;
        try
        {
            var response = await rest.SendAsync(DiscordRoutes.AddOwnReaction(hint.ChannelId, hint.MessageId, options.Value.SaveEmoji), stopping)
                .ConfigureAwait(false);
            problem = response.IsSuccess ? null : response.ErrorText;
            retryAfter = response.RetryAfter;
            permanent = !response.IsSuccess && IsRefusal(response.Status);
        }
        catch (HttpRequestException ex)
        {
            problem = $"Discord could not be reached: {ex.Message}";
        }
        catch (TaskCanceledException ex) when (!stopping.IsCancellationRequested)
        {
            problem = $"Discord did not answer in time: {ex.Message}";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            slots.Release();
        }

        if (problem is null || stopping.IsCancellationRequested)
        {
            Settle(landed: problem is null);
            return;
        }

        if (permanent || hint.Attempt >= MaxAttempts)
        {
            Log.SaveHintGaveUp(logger, hint.MessageId, hint.ChannelId, hint.Attempt, problem);
            Settle(landed: false);
            return;
        }

        _ = RetryLaterAsync(hint with { Attempt = hint.Attempt + 1 }, retryAfter ?? Backoff(hint.Attempt), stopping);
    }

    private async Task RetryLaterAsync(SaveHint hint, TimeSpan wait, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(wait, time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(hint))
        {
            Settle(landed: false);
        }
    }

    private void Settle(bool landed)
    {
        Interlocked.Decrement(ref _owed);
        Settled?.Invoke(landed);
    }

    /// <summary>1 s, 2 s, 4 s... up to 30 s.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, attempt - 1);
        return seconds < LongestRetry.TotalSeconds ? TimeSpan.FromSeconds(seconds) : LongestRetry;
    }

    /// <summary>Discord will not take this reaction however often it is asked (message deleted, missing permission, bad emoji).</summary>
    private static bool IsRefusal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not HttpStatusCode.TooManyRequests and not HttpStatusCode.RequestTimeout;
}
