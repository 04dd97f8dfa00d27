using System.Diagnostics;
using System.Net.Http.Headers;

namespace PaperBot.Benchmarks;

/// <summary>Signed interaction requests sent <see cref="AtOnce"/> at a time; each answer's latency, in order of completion.</summary>
internal sealed record LoadRun(IReadOnlyList<TimeSpan> Latencies, int Errors, TimeSpan Elapsed, string? FirstError)
{
    public const int AtOnce = 50;

    public double AnswersPerSecond => (Latencies.Count - Errors) / Elapsed.TotalSeconds;

    public TimeSpan Percentile(double p)
    {
        var sorted = Latencies.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public TimeSpan Slowest => Latencies.Max();

    /// <summary>Several runs as one: all their answers, errors and time.</summary>
    public static LoadRun Pool(IEnumerable<LoadRun> runs)
    {
        var all = runs.ToList();
        return new LoadRun([.. all.SelectMany(r => r.Latencies)], all.Sum(r => r.Errors), TimeSpan.FromTicks(all.Sum(r => r.Elapsed.Ticks)),
            all.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    public static async Task<LoadRun> SendAsync(HttpClient http, Uri url, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, int atOnce = AtOnce)
    {
        var latencies = new TimeSpan[requests.Count];
        var errors = 0;
        string? firstError = null;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, atOnce).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count)
            {
                var (body, timestamp, signature) = requests[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Signature-Ed25519", signature);
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !answer.Contains("\"type\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {answer[..Math.Min(200, answer.Length)]}", null);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.Message, null);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started);
            }
        }));
        return new LoadRun(latencies, errors, clock.Elapsed, firstError);
    }

    public string Row(string what) =>
        $"  {what,-34} p50 {Ms(Percentile(0.5)),8} | p90 {Ms(Percentile(0.9)),8} | p99 {Ms(Percentile(0.99)),8} | slowest {Ms(Slowest),8} | {AnswersPerSecond,7:F0} answers/s | {Errors} errors";

    public static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F1} ms";
}
