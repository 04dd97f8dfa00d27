namespace PaperBot.Benchmarks;

/// <summary>
/// <c>commands --provider postgres</c>: the commands benchmark at 20,000 papers on LiteDB and then on PostgreSQL (a throwaway
/// local cluster), in one run, with PostgreSQL's figures as ratios of LiteDB's.
/// </summary>
internal static class PostgresCommandsBenchmark
{
    private const int Papers = 20_000;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("Machine: shared with other agents' builds; absolute figures are noisy, ratios are taken within one run.");
        var lite = await CommandsBenchmark.RunSizeAsync(Papers);
        var postgres = await CommandsBenchmark.RunSizeAsync(Papers, _ => BenchStorage.Postgres());
        Console.WriteLine($"\nPostgreSQL / LiteDB at {Papers:N0} papers:");
        Console.WriteLine($"  single search (median)   {postgres.SingleSearch,8:F2} ms / {lite.SingleSearch,8:F2} ms = {postgres.SingleSearch / lite.SingleSearch:F2}x");
        Console.WriteLine($"  today p99 (50 at a time) {postgres.TodayP99,8:F1} ms / {lite.TodayP99,8:F1} ms = {postgres.TodayP99 / lite.TodayP99:F2}x");
        Console.WriteLine($"  search p99 (50 at a time){postgres.SearchP99,8:F1} ms / {lite.SearchP99,8:F1} ms = {postgres.SearchP99 / lite.SearchP99:F2}x");
        Console.WriteLine($"  RSS idle                 {postgres.RssIdle,8:F0} MB / {lite.RssIdle,8:F0} MB");
        var met = lite.Met && postgres.Met && postgres.RssIdle <= 150 && postgres.RssAfter <= 250;
        Console.WriteLine($"targets on PostgreSQL (p99 <= 3x bare, slowest < 2.5 s, 0 errors, single search <= 10 ms, RSS <= 150 / 250 MB): {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }
}
