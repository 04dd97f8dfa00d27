using System.Collections.Concurrent;

namespace PaperBot.Core.Outbox;

/// <summary>What one round has learnt so far and its send slots, shared by the channels it serves in parallel.</summary>
internal sealed class RoundState(int slots, IReadOnlyDictionary<string, Papers.Paper?> papers) : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _dueGate = new();
    private int _sent;
    private DateTimeOffset? _nextDue;

    /// <summary>
    /// The papers this round posts, read once each before its channels start: a fan-out
    /// posts the same few papers to many channels, which would otherwise all ask the store at once.
    /// </summary>
    public Papers.Paper? Paper(string arxivId) => papers.GetValueOrDefault(arxivId);

    /// <summary>Held while a post is in progress; async waiters are served in arrival order.</summary>
    public SemaphoreSlim Slots { get; } = new(slots, slots);

    public void Dispose() => Slots.Dispose();

    public int Sent => _sent;

    public void CountSent() => Interlocked.Increment(ref _sent);

    /// <summary>The earliest retry time noted so far.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_dueGate)
            {
                return _nextDue;
            }
        }
    }

    public void NoteDue(DateTimeOffset due)
    {
        lock (_dueGate)
        {
            if (_nextDue is null || due < _nextDue)
            {
                _nextDue = due;
            }
        }
    }

    public bool PlatformDown(string platform) => _down.ContainsKey(platform);

    public void MarkPlatformDown(string platform) => _down[platform] = true;
}
