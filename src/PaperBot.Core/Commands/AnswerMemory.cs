using System.Collections.Concurrent;

namespace PaperBot.Core.Commands;

/// <summary>
/// Answers a command gave already, kept while they hold: each is kept with the <see cref="AnswerStamp"/> of what it
/// was computed from, and a lookup under another stamp misses. <c>/papers today</c> and <c>/papers search</c> are
/// asked the same few things again and again between two polls; remembering the answer spares the command gate, the
/// index and the renderer the work. Lookups never wait (a dictionary read); past <see cref="Capacity"/> answers the
/// memory starts over.
/// </summary>
public sealed class AnswerMemory
{
    public const int Capacity = 256;

    // CommandArguments is a record: equal arguments (every field) find the same answer.
    private readonly ConcurrentDictionary<CommandArguments, (AnswerStamp Stamp, CommandResult Result)> _answers = new();

    /// <summary>The answer kept for <paramref name="arguments"/> under <paramref name="stamp"/>, or null.</summary>
    public CommandResult? Find(CommandArguments arguments, AnswerStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return stamp is { } now && _answers.TryGetValue(arguments, out var kept) && kept.Stamp == now ? kept.Result : null;
    }

    /// <summary>Keeps <paramref name="result"/> for <paramref name="arguments"/>, computed from what <paramref name="stamp"/> was taken of (before the work).</summary>
    public void Keep(CommandArguments arguments, AnswerStamp? stamp, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (stamp is not { } taken)
        {
            return;
        }

        if (_answers.Count >= Capacity)
        {
            _answers.Clear();
        }

        _answers[arguments] = (taken, result);
    }
}
