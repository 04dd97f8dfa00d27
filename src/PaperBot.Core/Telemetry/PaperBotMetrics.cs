using System.Diagnostics.Metrics;

namespace PaperBot.Core.Telemetry;

/// <summary>
/// PaperBot's instruments, on the meter <see cref="MeterName"/>; the host exports them at <c>GET /metrics</c>. Labels
/// are few and bounded (platform, outcome, command word, HTTP status): never a channel, user or paper id.
/// </summary>
public sealed class PaperBotMetrics : IDisposable
{
    public const string MeterName = "PaperBot";

    private static readonly double[] CommandBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly double[] WaitBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];
    private static readonly double[] LatencyBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly Meter _meter;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _papersRecorded;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _platformRequests;
    private readonly Counter<long> _rateLimitWaits;
    private readonly Histogram<double> _rateLimitWaitDuration;
    private readonly Histogram<double> _listingToPost;
    private Func<long> _outboxPending = () => 0;

    /// <param name="meterFactory">The host's factory (so each host has its own meter); null makes a standalone meter.</param>
    public PaperBotMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _polls = _meter.CreateCounter<long>("paperbot.polls", description: "Polls of the listing, by outcome.");
        _papersRecorded = _meter.CreateCounter<long>("paperbot.papers.recorded", description: "Papers recorded for the first time.");
        _deliveries = _meter.CreateCounter<long>("paperbot.deliveries", description: "Delivery attempts, by platform and outcome.");
        _meter.CreateObservableGauge("paperbot.outbox.pending", () => _outboxPending(), description: "Deliveries owed (pending or in doubt).");
        _commandDuration = _meter.CreateHistogram("paperbot.command.duration", "s", "Time to answer a /papers command.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CommandBuckets });
        _platformRequests = _meter.CreateCounter<long>("paperbot.platform.requests", description: "HTTP requests to Discord and Slack, by answer status.");
        _rateLimitWaits = _meter.CreateCounter<long>("paperbot.rate_limit.waits", description: "Waits for a platform's rate limit (pacing, or a 429).");
        _rateLimitWaitDuration = _meter.CreateHistogram("paperbot.rate_limit.wait.duration", "s", "How long each rate-limit wait was.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBuckets });
        _listingToPost = _meter.CreateHistogram("paperbot.listing_to_post.duration", "s",
            "From the poll that found a paper to its post in a channel (instant subscriptions).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    /// <summary>Where the outbox gauge reads its value (the store registers itself at start).</summary>
    public void ObserveOutboxPending(Func<long> read) => _outboxPending = read;

    public void Poll(string outcome) => _polls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void PapersRecorded(int count)
    {
        if (count > 0)
        {
            _papersRecorded.Add(count);
        }
    }

    public void Delivery(string platform, string outcome) =>
        _deliveries.Add(1, new("platform", platform), new("outcome", outcome));

    public void Command(string platform, string command, TimeSpan elapsed) =>
        _commandDuration.Record(elapsed.TotalSeconds, new("platform", platform), new("command", command));

    /// <param name="status">The HTTP status code, or <see cref="MetricLabels.NoAnswer"/> when none came back.</param>
    public void PlatformRequest(string platform, string status) =>
        _platformRequests.Add(1, new("platform", platform), new("status", status));

    /// <param name="reason"><see cref="MetricLabels.Pacing"/> (PaperBot kept to the limit) or <see cref="MetricLabels.TooManyRequests"/>.</param>
    public void RateLimitWait(string platform, string reason, TimeSpan wait)
    {
        _rateLimitWaits.Add(1, new("platform", platform), new("reason", reason));
        _rateLimitWaitDuration.Record(wait.TotalSeconds, new("platform", platform), new("reason", reason));
    }

    public void ListingToPost(string platform, TimeSpan latency) =>
        _listingToPost.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));

    public void Dispose() => _meter.Dispose();
}
