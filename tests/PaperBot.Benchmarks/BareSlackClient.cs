using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Testing.Platforms;
using PaperBot.Testing.Slack;

namespace PaperBot.Benchmarks;

/// <summary>
/// The baseline measured in the same run: a client that does nothing but post (no storage, no rendering, a small
/// JSON body) to its own rate-limited fake Slack, paced as PaperBot paces (one post a second per channel, counted
/// from the answer) with as many posts in progress as PaperBot's default send slots.
/// </summary>
internal static class BareSlackClient
{
    public static async Task<(int Posts, int Refused, TimeSpan Elapsed, TimeSpan Cpu)> RunAsync(int channelCount, int papers, int parallel)
    {
        await using var fake = await FakeSlack.StartAsync();
        fake.Limits = new SlackLimits(TimeProvider.System);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(fake.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-bench");
        using var slots = new SemaphoreSlim(parallel);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, channelCount).Select(async channel =>
        {
            await Task.Yield();
            var next = TimeSpan.Zero;
            for (var paper = 0; paper < papers; paper++)
            {
                // Task.Delay rounds to whole milliseconds and may wake a little early: wait until the second has passed.
                for (var wait = next - clock.Elapsed; wait > TimeSpan.Zero; wait = next - clock.Elapsed)
                {
                    await Task.Delay(wait);
                }

                await slots.WaitAsync();
                try
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"C{channel:D8}");
                    var body = new JsonObject
                    {
                        ["channel"] = id,
                        ["text"] = $"paper {paper}",
                        ["metadata"] = new JsonObject
                        {
                            ["event_type"] = "paperbot_delivery",
                            ["event_payload"] = new JsonObject { ["delivery_id"] = $"bare|{id}|{paper}" },
                        },
                    }.ToJsonString();
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync("chat.postMessage", content);
                    next = clock.Elapsed + TimeSpan.FromSeconds(1 / SlackLimits.PostsPerSecondPerChannel);
                }
                finally
                {
                    slots.Release();
                }
            }
        }));
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var calls = fake.CallsTo("chat.postMessage");
        return (calls.Count(c => !c.Refused), calls.Count(c => c.Refused), elapsed, cpu);
    }
}
