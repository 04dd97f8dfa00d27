using System.Diagnostics;

namespace PaperBot.Benchmarks;

internal static class Timing
{
    /// <summary>The median wall time of <paramref name="runs"/> runs; the median shrugs off one GC pause.</summary>
    public static TimeSpan Median(int runs, Func<object> action)
    {
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }
}
