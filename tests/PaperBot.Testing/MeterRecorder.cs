using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PaperBot.Testing;

/// <summary>
/// Records what PaperBot's instruments measure in one host: only meters created by that host's
/// <see cref="IMeterFactory"/>, so tests running side by side in the process do not count each other.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly SemaphoreSlim _recorded = new(0);
    private readonly ConcurrentQueue<(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)> _measurements = new();

    public MeterRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PaperBot" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>How many measurements of <paramref name="instrument"/> carried every one of <paramref name="tags"/>.</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    /// <summary>The sum of the matching measurements (a counter's total).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    /// <summary>Completes once <see cref="Count"/> reaches <paramref name="count"/>; throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForCountAsync(string instrument, int count, TimeSpan timeout, params (string Key, string Value)[] tags)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (Count(instrument, tags) < count)
        {
            await _recorded.WaitAsync(expiry.Token).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _recorded.Dispose();
    }

    private IEnumerable<(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value));

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((instrument.Name, value, copy));
        _recorded.Release();
    }
}
