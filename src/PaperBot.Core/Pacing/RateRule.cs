namespace PaperBot.Core.Pacing;

/// <summary>
/// A pace: one request every <paramref name="Interval"/>, with up to <paramref name="Burst"/> at once after a quiet
/// spell (a token bucket of <paramref name="Burst"/> refilled once per interval). A zero interval does not pace at all.
/// </summary>
public sealed record RateRule(TimeSpan Interval, int Burst = 1)
{
    /// <summary>No pace: only holds and announced windows stop a request.</summary>
    public static RateRule Unpaced { get; } = new(TimeSpan.Zero);

    public static RateRule PerSecond(double requests, int burst = 1) => new(TimeSpan.FromSeconds(1 / requests), burst);

    public double RequestsPerSecond => Interval > TimeSpan.Zero ? 1 / Interval.TotalSeconds : double.PositiveInfinity;

    /// <summary>How far ahead of the pace the burst may run (the generic cell rate algorithm's tolerance).</summary>
    public TimeSpan Tolerance => Interval * Math.Max(0, Burst - 1);

    /// <summary>A spare request may run one interval ahead at most, never into the rest of the burst.</summary>
    public TimeSpan SpareTolerance => Burst > 1 ? Interval : TimeSpan.Zero;
}
