using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// Replies to the most recent commands, by trigger id, so a command Slack delivers again (its acknowledgement was
/// lost with a dropped socket) gets the same answer without running twice.
/// </summary>
internal sealed class RecentReplies
{
    private const int Capacity = 512;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<SlackMessage?>> _replies = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string triggerId, out Task<SlackMessage?> reply)
    {
        lock (_gate)
        {
            return _replies.TryGetValue(triggerId, out reply!);
        }
    }

    public void Add(string triggerId, Task<SlackMessage?> reply)
    {
        lock (_gate)
        {
            if (!_replies.TryAdd(triggerId, reply))
            {
                return;
            }

            _order.Enqueue(triggerId);
            while (_order.Count > Capacity)
            {
                _replies.Remove(_order.Dequeue());
            }
        }
    }
}
