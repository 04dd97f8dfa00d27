using System.Text.Json;
using System.Text.RegularExpressions;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Storage;

/// <summary>
/// Real paperbot replicas on one PostgreSQL database: each one's replica id (from its log), waits across several of
/// them, and /healthz read as JSON.
/// </summary>
internal static partial class ReplicaProcesses
{
    public const string AdminToken = "replica-tests-admin-token-0123456789";

    /// <summary>Short leases, so a killed replica's work is taken over in about three seconds.</summary>
    public const string LeaseDuration = "00:00:02";

    [GeneratedRegex(@"Replica (\S+) on \S+ joined")]
    private static partial Regex Joined();

    public static async Task<string> IdAsync(BotProcess bot)
    {
        await bot.WaitForStderrAsync("joined; leases last");
        return Joined().Match(bot.Stderr).Groups[1].Value;
    }

    /// <summary>Waits until one of <paramref name="bots"/> logged <paramref name="line"/>; returns that one.</summary>
    public static async Task<BotProcess> WaitForAnyAsync(IReadOnlyList<BotProcess> bots, string line, TimeSpan timeout)
    {
        if (bots.FirstOrDefault(b => b.Stderr.Contains(line, StringComparison.Ordinal)) is { } already)
        {
            return already;
        }

        var waits = bots.Select(async b =>
        {
            await b.WaitForStderrAsync(line, timeout);
            return b;
        }).ToList();
        var first = await Task.WhenAny(waits);
        foreach (var other in waits.Where(w => w != first))
        {
            _ = other.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }

        return await first;
    }

    public static async Task<JsonElement> HealthAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return document.RootElement.Clone();
    }
}
