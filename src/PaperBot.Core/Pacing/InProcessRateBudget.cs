using System.Collections.Concurrent;

namespace PaperBot.Core.Pacing;

/// <summary>The budget of a bot that runs as one process: an even pace per name, in memory (<see cref="KeyedPacer"/>).</summary>
public sealed class InProcessRateBudget(TimeProvider time) : IRateBudget
{
    private readonly ConcurrentDictionary<string, KeyedPacer> _pacers = new(StringComparer.Ordinal);

    public Task TakeAsync(string name, RateRule rule, bool spare, CancellationToken cancellationToken)
    {
        var pacer = Pacer(name, rule);
        return spare ? pacer.TakeSpareAsync(name, cancellationToken) : pacer.TakeAsync(name, cancellationToken);
    }

    public ValueTask<bool> TryTakeAsync(string name, RateRule rule, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Pacer(name, rule).TryTake(name) is null);

    public void Hold(string name, TimeSpan wait)
    {
        if (_pacers.TryGetValue(name, out var pacer))
        {
            pacer.Hold(name, wait);
        }
    }

    private KeyedPacer Pacer(string name, RateRule rule) => _pacers.GetOrAdd(name, _ => new KeyedPacer(rule, time));
}
