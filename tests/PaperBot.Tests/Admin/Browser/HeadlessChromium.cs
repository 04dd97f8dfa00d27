using PuppeteerSharp;

namespace PaperBot.Tests.Admin.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>), headless, with a fresh profile, driven by
/// PuppeteerSharp over the DevTools protocol. Nothing is downloaded. A missing browser fails the test with what to
/// install: a browser test never passes by not running.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Overrides where Chromium is (for machines that have it elsewhere).</summary>
    public const string PathVariable = "PAPERBOT_CHROMIUM";

    private readonly string _profile;

    private HeadlessChromium(IBrowser browser, string profile)
    {
        Browser = browser;
        _profile = profile;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"The browser tests need Chromium at {path} and it is not there. Install Debian's package (apt-get install -y chromium; .ci/run does) " +
                $"or set {PathVariable} to a Chromium binary.");
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var profile = Path.Combine(Path.GetTempPath(), "paperbot-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            IgnoreDefaultArgs = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
            ],
            Timeout = 60_000,
        });
        return new HeadlessChromium(browser, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        await Browser.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a leftover temp folder is harmless.
        }
    }
}
