using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Slack.Api;
using PaperBot.Slack.Inbound;
using PaperBot.Slack.SocketMode;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing.Fuzz;
using PaperBot.Testing;
using Xunit.Abstractions;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>
/// 12,000 generated requests (random JSON, bytes and forms, and real slash commands, events and clicks mutated in
/// structure, value and encoding) POSTed to the real HTTP-mode endpoints, nine in ten signed with the signing secret
/// so they reach the handlers; and 2,000 mutated Socket Mode envelopes handed to <see cref="SocketEnvelopeHandler"/>.
/// Nothing crashes, every answer is one the endpoints document, and nothing wrong is stored.
/// </summary>
public sealed class SlackFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 12_000;
    private const int Envelopes = 2_000;

    private FakeSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack);

        // Nothing the fuzz sends may wait on the test-only slow command.
        _bot.Gate.Release.SetResult();
        for (var i = 0; i < FuzzSeeds.PostedPapers.Length; i++)
        {
            var ts = await _bot.PostPaperAsync(TestPapers.Make(FuzzSeeds.PostedPapers[i], $"Agents and robotics {i}", upvotes: 5 * i), FuzzSeeds.Channels[i], "agents");
            Assert.Equal(FuzzSeeds.PostedTs[i], ts);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task HttpEndpoints_TwelveThousandFuzzedRequests_NoCrashNoUndocumentedStatusNothingStoredWrongly()
    {
        var corpus = new FuzzCorpus(_slack.ResponseUrl("fuzz"));
        var oracle = new FuzzOracle();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var http = new HttpClient();

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var fuzz = corpus.Generate(index);
            if (fuzz.Auth == FuzzAuth.Signed)
            {
                oracle.Observe(fuzz);
            }

            using var request = FuzzRequests.Build(fuzz, _bot.BaseUrl, _bot.Time.GetUtcNow());
            using var answered = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, answered.Token);
            }
            catch (OperationCanceledException)
            {
                failures.Enqueue($"case {index} ({fuzz.Path}, {fuzz.Origin}, {fuzz.Auth}, {fuzz.Body.Length} bytes): no answer within 15 s");
                return;
            }

            using var answer = response;
            statuses.AddOrUpdate($"{fuzz.Path} {(int)response.StatusCode}", 1, (_, n) => n + 1);
            if (FuzzRequests.Problem(fuzz, response.StatusCode, await response.Content.ReadAsStringAsync()) is { } problem)
            {
                failures.Enqueue($"case {index} ({fuzz.Path}, {fuzz.Origin}, {fuzz.Auth}, {fuzz.Body.Length} bytes): {problem}");
            }
        });

        await _bot.Get<FollowUps>().DrainAsync(TimeSpan.FromSeconds(10));

        var crashes = Crashes();
        Assert.True(failures.IsEmpty && crashes.Count == 0,
            $"{failures.Count} bad answers, e.g.\n{string.Join('\n', failures.Take(10))}\n{crashes.Count} error logs; distinct crash sites:\n{DistinctCrashes(crashes)}");
        AssertStoredSubscriptionsValid(oracle);
        AssertSavedPapersValid(oracle);
        foreach (var path in new[] { "/slack/commands", "/slack/events", "/slack/interactivity" })
        {
            Assert.True(statuses.GetValueOrDefault($"{path} 200") > Requests / 40, $"Too few requests to {path} got through to a handler: {Describe(statuses)}");
        }

        Assert.Contains(_slack.Calls, c => c.Method == "response/fuzz");
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Text.Contains(SlackBotHost.SigningSecret, StringComparison.Ordinal));
        output.WriteLine($"{Requests} requests, answers by endpoint and status: {Describe(statuses)}");
    }

    [Fact]
    public async Task SocketEnvelopeHandler_TwoThousandMutatedEnvelopes_AcknowledgesEveryOneWithoutThrowing()
    {
        var handler = _bot.Get<SocketEnvelopeHandler>();
        var envelopes = new SocketEnvelopeCorpus(_slack.ResponseUrl("socket"));
        var failures = new ConcurrentQueue<string>();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var oracle = new FuzzOracle();

        await Parallel.ForEachAsync(Enumerable.Range(0, Envelopes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, _) =>
        {
            var frame = envelopes.Generate(index);
            SocketEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(frame, SlackJsonContext.Default.SocketEnvelope);
            }
            catch (JsonException)
            {
                // What SocketModeConnection logs as a bad frame and skips.
                outcomes.AddOrUpdate("bad frame", 1, (_, n) => n + 1);
                return;
            }

            if (envelope is not { EnvelopeId.Length: > 0 })
            {
                outcomes.AddOrUpdate("not an envelope", 1, (_, n) => n + 1);
                return;
            }

            oracle.ObserveEnvelope(envelope.Type, envelope.Payload);
            try
            {
                var ack = await handler.HandleAsync(envelope, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                Assert.NotNull(ack);
                Assert.Equal(envelope.EnvelopeId, ack.EnvelopeId);

                // The connection serialises the ack outside the handler's guard: it must not throw either.
                JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketAck);
                outcomes.AddOrUpdate(ack.Payload is null ? "acked" : "acked with a reply", 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                failures.Enqueue($"envelope {index} ({envelope.Type}): {ex.GetType().Name}: {ex.Message}\n{FuzzRequests.Shorten(Encoding.UTF8.GetString(frame))}");
            }
        });

        await _bot.Get<FollowUps>().DrainAsync(TimeSpan.FromSeconds(10));
        var crashes = Crashes();
        Assert.True(failures.IsEmpty && crashes.Count == 0,
            $"{failures.Count} envelopes threw, e.g.\n{string.Join('\n', failures.Take(10))}\n{crashes.Count} error logs; distinct crash sites:\n{DistinctCrashes(crashes)}");
        AssertStoredSubscriptionsValid(oracle);
        AssertSavedPapersValid(oracle);
        Assert.True(outcomes.GetValueOrDefault("acked") + outcomes.GetValueOrDefault("acked with a reply") > Envelopes / 2, $"Too few envelopes reached the handler: {Describe(outcomes)}");
        output.WriteLine($"{Envelopes} envelopes: {Describe(outcomes)}");
    }

    private List<string> Crashes() =>
        [.. _bot.Logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Text}")];

    private void AssertStoredSubscriptionsValid(FuzzOracle oracle)
    {
        var store = _bot.Store;
        var all = store.ActiveSubscriptions().Concat(store.PausedChannels().SelectMany(c => store.SubscriptionsOf(c.Channel))).ToList();
        Assert.NotEmpty(all);
        foreach (var subscription in all)
        {
            Assert.True(TopicQuery.TryParse(subscription.Query, out var query, out var error), $"Stored query \"{subscription.Query}\" does not parse: {error}");
            Assert.Equal(subscription.Query, query.Text);
            Assert.Equal("slack", subscription.Channel.Platform);
            Assert.True(oracle.CommandChannels.ContainsKey(subscription.Channel.Id),
                $"Subscription #{subscription.Id} in channel \"{subscription.Channel.Id}\", which no complete signed command named");
            Assert.True(subscription.Options.MinUpvotes is null or >= 0, $"Subscription #{subscription.Id} has min upvotes {subscription.Options.MinUpvotes}");
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(subscription.Options.TimeZone, out _), $"Unknown time zone {subscription.Options.TimeZone}");
        }
    }

    private void AssertSavedPapersValid(FuzzOracle oracle)
    {
        var saved = oracle.UserRefs().SelectMany(_bot.Store.ListSaved).ToList();
        Assert.NotEmpty(saved);
        foreach (var paper in saved)
        {
            Assert.True(ArxivId.TryNormalize(paper.ArxivId, out var id) && id == paper.ArxivId, $"Saved \"{paper.ArxivId}\" is not a canonical arXiv id");
        }
    }

    /// <summary>Each distinct exception and the frame it came from, so one bug shows once however often the fuzzer hit it.</summary>
    private static string DistinctCrashes(List<string> crashes) => string.Join("\n", crashes
        .Select(c => c.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("at PaperBot.", StringComparison.Ordinal)).Take(3))
        .Select(lines => string.Join(" | ", lines.Select(l => FuzzRequests.Shorten(l.Contains("Exception", StringComparison.Ordinal) ? l[Math.Max(0, l.IndexOf("System.", StringComparison.Ordinal))..] : l))))
        .Distinct(StringComparer.Ordinal)
        .Take(10));

    private static string Describe(ConcurrentDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value}")));
}

/// <summary>Socket Mode frames: a slash command, an event or a click wrapped in an envelope, then mutated as a whole.</summary>
internal sealed class SocketEnvelopeCorpus(string responseUrl)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };

    public byte[] Generate(int index)
    {
        var random = new Random(unchecked((FuzzCorpus.Seed * 17) + index));
        var (type, payload) = random.Next(3) switch
        {
            0 => ("slash_commands", CommandPayload(random)),
            1 => ("events_api", JsonNode.Parse(FuzzSeeds.Events[random.Next(FuzzSeeds.Events.Count)])),
            _ => ("interactive", JsonNode.Parse(FuzzSeeds.Clicks[random.Next(FuzzSeeds.Clicks.Count)].Replace(FuzzSeeds.ResponseUrlMarker, responseUrl, StringComparison.Ordinal))),
        };
        if (payload is JsonObject obj && obj.ContainsKey("event_id"))
        {
            obj["event_id"] = "EvSock" + random.Next(1_000_000);
        }

        if (payload is JsonObject click && click.ContainsKey("trigger_id"))
        {
            click["trigger_id"] = "trig-sock-" + random.Next(1_000_000);
        }

        JsonNode? envelope = new JsonObject
        {
            ["envelope_id"] = $"env-{index}",
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = random.Next(2) == 0,
            ["retry_attempt"] = random.Next(3),
            ["retry_reason"] = "",
        };
        if (random.Next(10) != 0)
        {
            envelope = Vocabulary.Mutator.Mutate(envelope, random, random.Next(4) switch { 0 => 1, 1 => 2, 2 => random.Next(3, 6), _ => random.Next(6, 20) });
        }

        var text = envelope is null ? "null" : envelope.ToJsonString(Relaxed);
        var bytes = Encoding.UTF8.GetBytes(text.Replace(FuzzValues.LoneSurrogateMarker, "\\ud800x\\udfff", StringComparison.Ordinal));
        return random.Next(10) == 0 ? ByteMutations.Apply(bytes, random) : bytes;
    }

    private JsonNode? CommandPayload(Random random)
    {
        var fields = FuzzSeeds.CommandForm(random);
        var json = new JsonObject();
        foreach (var (key, value) in fields)
        {
            json[key] = value == FuzzSeeds.ResponseUrlMarker ? responseUrl : key == "text" && random.Next(2) == 0 ? FormMutator.CommandText(value, random) : value;
        }

        return json;
    }
}
