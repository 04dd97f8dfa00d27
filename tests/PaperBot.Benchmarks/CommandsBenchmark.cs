using System.Diagnostics;
using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>
/// The real <c>paperbot</c> process with Discord on, its store filled as a long-running bot fills it (40 papers a
/// day, the last day today), answering 1,000 signed <c>/papers today</c> and then <c>/papers search agents
/// reasoning</c> interactions 50 at a time, after a warm-up under the same load, in five rounds taken together; the
/// same client sends the same signed bodies to a bare Kestrel endpoint in its own process in the same run (the floor),
/// its rounds alternating with the bot's. At 20,000 papers (500 days) and 40,000 (1,000 days), to show how cost
/// grows with the store.
/// </summary>
internal static class CommandsBenchmark
{
    private const int PerDay = 40;
    private const int Requests = 1_000;
    private const string SearchQuery = "agents reasoning";
    private const int Rounds = 5;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("Machine: shared with other agents' builds; absolute figures are noisy, ratios are taken within one run.");
        var at20 = await RunSizeAsync(20_000);
        var at40 = await RunSizeAsync(40_000);
        var growth = at40.SingleSearch / at20.SingleSearch;
        Console.WriteLine($"single search at 40,000 / at 20,000: {growth:F2}x (target <= 1.3x)");
        var met = at20.Met && at40.Met && growth <= 1.3 && at20.RssIdle <= 150 && at20.RssAfter <= 250;
        Console.WriteLine($"targets (p99 <= 3x bare, slowest < 2.5 s, 0 errors, single search <= 10 ms, growth <= 1.3x, RSS <= 150 / 250 MB at 20,000): {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    internal static async Task<SizeResult> RunSizeAsync(int paperCount, Func<string, BenchStorage>? storageIn = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-bench-commands", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var storage = (storageIn ?? (f => BenchStorage.LiteDb(Path.Combine(f, "paperbot.db"))))(folder);
            var seeding = Stopwatch.StartNew();
            Seed(storage, paperCount);
            Console.WriteLine($"\n{paperCount:N0} papers over {paperCount / PerDay:N0} papers-days ({PerDay} today) in {storage.Name}, seeded in {seeding.Elapsed.TotalSeconds:F1} s");

            using var keys = new SignedInteractions();
            await using var discord = await FakeDiscordRest.StartAsync();
            await using var floor = HostProcess.StartFloor();
            await floor.WaitForStderrAsync(BareEndpoint.Ready, TimeSpan.FromMinutes(1));
            var bare = new Uri(floor.BaseUrl, "discord/interactions");
            await using var verifyingFloor = HostProcess.StartFloor(keys.PublicKeyHex);
            await verifyingFloor.WaitForStderrAsync(BareEndpoint.Ready, TimeSpan.FromMinutes(1));
            var verifying = new Uri(verifyingFloor.BaseUrl, "discord/interactions");
            await using var bot = HostProcess.Start(new Dictionary<string, string>(storage.Settings)
            {
                ["HuggingFace:BaseUrl"] = "http://127.0.0.1:9",
                ["HuggingFace:MaxRetries"] = "0",
                ["HuggingFace:PollInterval"] = "1.00:00:00",
                ["Console:Commands"] = "false",
                ["Discord:BotToken"] = "bench-bot-token",
                ["Discord:ApplicationId"] = SignedInteractions.ApplicationId,
                ["Discord:PublicKey"] = keys.PublicKeyHex,
                ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
                ["Discord:Gateway:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:PaperBot.Workers.SearchIndexWarmer"] = "Information",
            });
            await bot.WaitForStderrAsync("Search index built", TimeSpan.FromMinutes(3));
            var built = bot.Stderr.Split('\n').First(l => l.Contains("Search index built", StringComparison.Ordinal)).Trim();
            var endpoint = new Uri(bot.BaseUrl, "discord/interactions");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = LoadRun.AtOnce, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };

            // Warm up both (JIT, connections), then let the bot settle before measuring its idle memory.
            foreach (var url in new[] { endpoint, bare, verifying })
            {
                await LoadRun.SendAsync(http, url, keys.Make(100, "today", null));
                await LoadRun.SendAsync(http, url, keys.Make(100, "search", SearchQuery));
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            var rssIdle = bot.RssMegabytes();

            var single = new List<TimeSpan>();
            // Each spelled differently, so each is a full search (none answered from memory).
            foreach (var request in keys.MakeEach(21, "search", i => SignedInteractions.Spelled(SearchQuery, i + 1)))
            {
                single.Add((await LoadRun.SendAsync(http, endpoint, [request], atOnce: 1)).Latencies[0]);
            }

            var singleSearch = single.Order().ElementAt(single.Count / 2);

            // Warm up under load: tiered compilation recompiles a hot method only after it has run a while, in the
            // background, so the first load run after start-up measures the JIT as well. A bot running for days is past that.
            var commands = new[] { ("today", (string?)null), ("search", SearchQuery) };
            foreach (var (command, query) in commands)
            {
                var bodies = keys.Make(Requests, command, query);
                await LoadRun.SendAsync(http, bare, bodies);
                await LoadRun.SendAsync(http, verifying, bodies);
                await LoadRun.SendAsync(http, endpoint, bodies);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));

            // One run of 1,000 lasts a fraction of a second, so its p99 (its 10 slowest answers) swings with any pause
            // of either process or of the machine: each command is measured in several rounds, the floor and the bot
            // alternating, and the figures are taken over all rounds' answers together.
            var rows = new List<(string Command, Measured Bot, Measured Bare, Measured Verifying)>();
            foreach (var (command, query) in commands)
            {
                var floorRuns = new List<Measured>();
                var verifyingRuns = new List<Measured>();
                var botRuns = new List<Measured>();
                for (var round = 0; round < Rounds; round++)
                {
                    var bodies = keys.Make(Requests, command, query);
                    floorRuns.Add(await Measured.RunAsync(floor, http, bare, bodies));
                    verifyingRuns.Add(await Measured.RunAsync(verifyingFloor, http, verifying, bodies));
                    botRuns.Add(await Measured.RunAsync(bot, http, endpoint, bodies));
                }

                rows.Add((query is null ? command : $"{command} {query}", Measured.Pool(botRuns), Measured.Pool(floorRuns), Measured.Pool(verifyingRuns)));
                Console.WriteLine($"  {(query is null ? command : $"{command} {query}")}: p99 ratio per round "
                    + string.Join(" / ", botRuns.Zip(floorRuns, (b, f) => (b.Run.Percentile(0.99) / f.Run.Percentile(0.99)).ToString("F2", CultureInfo.InvariantCulture) + "x")));
            }

            // Not a target: the same load with every search spelled differently, so every one runs through the
            // command gate and the index (the rows above repeat one question, answered from memory after the first).
            var distinct = keys.MakeEach(Requests, "search", i => SignedInteractions.Spelled(SearchQuery, i + 1));
            var distinctFloor = await Measured.RunAsync(floor, http, bare, distinct);
            var distinctBot = await Measured.RunAsync(bot, http, endpoint, distinct);

            var rssAfter = bot.RssMegabytes();
            Console.WriteLine($"  {built[(built.IndexOf("Search index built", StringComparison.Ordinal))..]}");
            Console.WriteLine($"  single search (median of 21, one at a time): {LoadRun.Ms(singleSearch)}");
            foreach (var (command, measured, baseline, verified) in rows)
            {
                Console.WriteLine(measured.Run.Row($"PaperBot {command}") + $" | CPU {measured.CpuPerAnswer,4:F0} us/answer");
                Console.WriteLine(baseline.Run.Row("bare Kestrel, own process") + $" | CPU {baseline.CpuPerAnswer,4:F0} us/answer");
                Console.WriteLine($"  {"",-34} p99 ratio {measured.Run.Percentile(0.99) / baseline.Run.Percentile(0.99):F2}x; answers/s ratio {measured.Run.AnswersPerSecond / baseline.Run.AnswersPerSecond:P0}"
                    + (measured.Run.FirstError is { } error ? $"; first error: {error}" : ""));
                Console.WriteLine(verified.Run.Row("bare Kestrel + Ed25519 check") + $" | CPU {verified.CpuPerAnswer,4:F0} us/answer");
                Console.WriteLine($"  {"",-34} p99 ratio against it {measured.Run.Percentile(0.99) / verified.Run.Percentile(0.99):F2}x (information, not the issue's floor)"
                    + (verified.Run.Errors > 0 ? $"; {verified.Run.Errors} errors: {verified.Run.FirstError}" : ""));
            }

            Console.WriteLine(distinctBot.Run.Row("PaperBot search, 1,000 spellings") + $" | CPU {distinctBot.CpuPerAnswer,4:F0} us/answer");
            Console.WriteLine(distinctFloor.Run.Row("bare Kestrel, own process") + $" | CPU {distinctFloor.CpuPerAnswer,4:F0} us/answer");
            Console.WriteLine($"  {"",-34} p99 ratio {distinctBot.Run.Percentile(0.99) / distinctFloor.Run.Percentile(0.99):F2}x (information, not a target)"
                + (distinctBot.Run.FirstError is { } distinctError ? $"; first error: {distinctError}" : ""));
            Console.WriteLine($"  RSS: idle {rssIdle:F0} MB, after the load {rssAfter:F0} MB");
            var verify = keys.VerifyCost(keys.Make(1, "today", null)[0]);
            Console.WriteLine($"  Ed25519 verification of one interaction (required of every request; the floor does none): {verify.TotalMicroseconds:F0} us"
                + $" = {verify.TotalMicroseconds / Math.Max(rows[0].Bare.CpuPerAnswer, 1):F1}x the floor's whole CPU per answer");
            var met = singleSearch <= TimeSpan.FromMilliseconds(10)
                && rows.All(r => r.Bot.Run.Errors == 0 && r.Bot.Run.Slowest < TimeSpan.FromSeconds(2.5) && r.Bot.Run.Percentile(0.99) <= 3 * r.Bare.Run.Percentile(0.99));
            return new SizeResult(singleSearch.TotalMilliseconds, rssIdle, rssAfter, met,
                rows[0].Bot.Run.Percentile(0.99).TotalMilliseconds, rows[1].Bot.Run.Percentile(0.99).TotalMilliseconds, built);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Papers of <see cref="PerDay"/> a day, the last day today, recorded in polls of a few thousand.</summary>
    private static void Seed(BenchStorage storage, int paperCount)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = paperCount / PerDay;
        var generated = new PaperGenerator(seed: 5).Generate(paperCount);
        using var store = storage.Open();
        var now = DateTimeOffset.UtcNow;

        // A long-running bot embedded each paper at its poll, so it holds a vector per paper and its background embedder
        // has nothing to do. Unseeded, the host would spend the measurement embedding 20,000 papers. The values do not
        // matter to today and search (no about: query is sent); their number and size do (the host keeps them in memory).
        using var embedder = new PaperBot.Semantic.MiniLmEmbedder(Microsoft.Extensions.Options.Options.Create(new PaperBot.Semantic.SemanticOptions()));
        var random = new Random(7);
        for (var start = 0; start < paperCount; start += 2_000)
        {
            var chunk = generated.Skip(start).Take(2_000)
                .Select((p, i) => p with { ListedOn = today.AddDays(((start + i) / PerDay) - days + 1) }).ToList();
            store.RecordPoll(chunk, [], new PollState(true, now, chunk[^1].ListedOn));
            store.SaveEmbeddings(chunk.Select(p => new PaperBot.Core.Semantic.PaperEmbedding(p.ArxivId, PaperBot.Core.Semantic.PaperEmbedder.StoreKey(embedder), UnitVector(random, embedder.Dimensions))).ToList());
        }
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / length)];
    }

    /// <summary>A load run and the CPU time the answering process spent on it, per answer.</summary>
    private sealed record Measured(LoadRun Run, double CpuPerAnswer)
    {
        public static async Task<Measured> RunAsync(HostProcess server, HttpClient http, Uri url, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> bodies)
        {
            var cpu = server.CpuMilliseconds();
            var run = await LoadRun.SendAsync(http, url, bodies);
            return new Measured(run, (server.CpuMilliseconds() - cpu) * 1000 / bodies.Count);
        }

        /// <summary>Several runs as one: every answer's latency, and the CPU per answer over all of them.</summary>
        public static Measured Pool(IReadOnlyList<Measured> runs) =>
            new(LoadRun.Pool(runs.Select(r => r.Run)), runs.Sum(r => r.CpuPerAnswer * r.Run.Latencies.Count) / runs.Sum(r => r.Run.Latencies.Count));
    }

    internal sealed record SizeResult(double SingleSearch, double RssIdle, double RssAfter, bool Met, double TodayP99, double SearchP99, string IndexBuilt);
}
