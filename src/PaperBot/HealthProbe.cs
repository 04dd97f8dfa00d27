namespace PaperBot;

/// <summary>
/// <c>paperbot healthcheck [url]</c>: exits 0 when /healthz answers 200, for container health checks in
/// images that have no curl.
/// </summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("PAPERBOT_HEALTHCHECK_URL") ?? "http://localhost:8080/healthz";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url)).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            Console.WriteLine($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"Health check of {url} failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
