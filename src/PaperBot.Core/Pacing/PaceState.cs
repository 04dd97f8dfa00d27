namespace PaperBot.Core.Pacing;

/// <summary>One key of a <see cref="KeyedPacer"/>; read and written only under the pacer's lock.</summary>
internal sealed class PaceState
{
    /// <summary>When the next request would be on pace (the generic cell rate algorithm's theoretical arrival time).</summary>
    public DateTimeOffset NextOnPace { get; set; } = DateTimeOffset.MinValue;

    /// <summary>A 429 (or an answer that restarts the spacing) holds the key until then.</summary>
    public DateTimeOffset HeldUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>What the server last announced of its own window: requests left, and when it refills.</summary>
    public int Remaining { get; set; } = 1;

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Ordinary requests waiting now, and a task that completes when there are none (for spare requests).</summary>
    public int Waiting { get; set; }

    public TaskCompletionSource NoneWaiting { get; set; } = Idle();

    public static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
