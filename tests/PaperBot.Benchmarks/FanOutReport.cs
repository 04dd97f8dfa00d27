using System.Text;

namespace PaperBot.Benchmarks;

/// <summary>
/// One platform's fan-out figures, printed as the benchmark's report. <see cref="Ceiling"/> is the fake's sustained
/// limit for this fan-out (the rate the issue's targets are measured against); <see cref="PerfectClient"/> is what a
/// client with zero cost of its own would achieve on exactly this workload, bursting the buckets' initial tokens.
/// </summary>
internal sealed record FanOutReport(
    string Platform,
    int Channels,
    bool Drained,
    TimeSpan Elapsed,
    int Served,
    string What,
    double Ceiling,
    double PerfectClient,
    string Rules,
    IReadOnlyDictionary<string, int> TooManyRequests,
    int Missing,
    int Duplicated,
    int Unexpected,
    int NotSent,
    LogTally Log)
{
    /// <summary>Anything else worth printing.</summary>
    public string? Detail { get; init; }

    /// <summary>A baseline's throughput measured in the same run, when there is one.</summary>
    public double? Baseline { get; init; }

    public string? BaselineText { get; init; }

    /// <summary>CPU time per item, for the bot and the baseline, when measured (steadier than time on a loaded machine).</summary>
    public string? Cpu { get; init; }

    public double Throughput => Served / Elapsed.TotalSeconds;

    public double Ratio => Throughput / Ceiling;

    public int WorstBucket => TooManyRequests.Values.DefaultIfEmpty(0).Max();

    public bool Met => Drained && Ratio >= 0.95 && WorstBucket <= 1 && Missing == 0 && Duplicated == 0 && Unexpected == 0 && NotSent == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Platform}: 3 papers x {Channels:N0} channels; limits: {Rules}");
        text.AppendLine($"  served:      {Served:N0} {What} in {Elapsed.TotalSeconds:F2} s{(Drained ? "" : " (GAVE UP: still owed)")}");
        text.AppendLine($"  throughput:  {Throughput:F1}/s; ceiling (the fake's sustained limit) {Ceiling:F1}/s; ratio {Ratio:P1}");
        text.AppendLine($"  stricter:    a zero-cost client bursting every bucket's first token: {PerfectClient:F1}/s; ratio {Throughput / PerfectClient:P1}");
        if (Baseline is { } baseline)
        {
            text.AppendLine($"  baseline:    {BaselineText}: {baseline:F1}/s; PaperBot at {Throughput / baseline:P1} of it");
        }

        if (Cpu is not null)
        {
            text.AppendLine($"  cpu:         {Cpu}");
        }

        if (Detail is not null)
        {
            text.AppendLine($"  note:        {Detail}");
        }

        text.AppendLine($"  429s:        {TooManyRequests.Values.Sum()} in {TooManyRequests.Count} bucket(s), at most {WorstBucket} in one");
        text.AppendLine($"  exactly once: {Missing} missing, {Duplicated} duplicated, {Unexpected} unexpected, {NotSent} deliveries not marked sent");
        text.Append($"  bot warnings: {Log.Count}");
        foreach (var line in Log.First)
        {
            text.Append($"\n    {line}");
        }

        return text.ToString();
    }
}
