using System.Text;

namespace PaperBot.Benchmarks;

/// <summary>One fan-out by <see cref="Replicas"/> replicas: how long, how fast against the platform's ceiling, 429s, exactly-once.</summary>
internal sealed record ReplicaRun(
    string Platform,
    int Replicas,
    bool Drained,
    TimeSpan Elapsed,
    int Created,
    int Duplicated,
    int Missing,
    IReadOnlyDictionary<string, int> TooManyRequests,
    IReadOnlyList<int> PostsPerReplica,
    double Ceiling)
{
    public double PostsPerSecond => Created / Elapsed.TotalSeconds;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Platform}, {Replicas} replica{(Replicas == 1 ? "" : "s")}: {Created:N0} posts in {Elapsed.TotalSeconds:F2} s{(Drained ? "" : " (GAVE UP: still owed)")}");
        text.AppendLine($"  throughput:   {PostsPerSecond:F1} posts/s; ceiling {Ceiling:F0}/s; ratio {PostsPerSecond / Ceiling:P1}");
        text.AppendLine($"  429s:         {TooManyRequests.Values.Sum()} in {TooManyRequests.Count} bucket(s)"
            + (TooManyRequests.Count == 0 ? "" : ": " + string.Join(", ", TooManyRequests.OrderByDescending(b => b.Value).Take(5).Select(b => $"{b.Key} {b.Value}"))));
        text.AppendLine($"  per replica:  {string.Join(", ", PostsPerReplica)} posts");
        text.Append($"  exactly once: {Missing} missing, {Duplicated} duplicated");
        return text.ToString();
    }
}
