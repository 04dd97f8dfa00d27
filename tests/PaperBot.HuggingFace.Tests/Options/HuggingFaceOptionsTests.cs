using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.HuggingFace.Tests.Support;

namespace PaperBot.HuggingFace.Tests.Options;

/// <summary>Binding from the "HuggingFace" section and start-up validation messages an operator can act on.</summary>
public sealed class HuggingFaceOptionsTests
{
    [Fact]
    public void Defaults_NothingConfigured_ArePoliteAndSensible()
    {
        var options = Resolve(new Dictionary<string, string?>());

        Assert.Equal("https://huggingface.co", options.BaseUrl);
        Assert.Equal(ListingMode.Page, options.Mode);
        Assert.Equal(TimeSpan.FromMinutes(10), options.PollInterval);
        Assert.Null(options.ListingFile);
        Assert.Equal("PaperBot/1.0 (+https://github.com/paperbot/paperbot)", options.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
        Assert.Null(options.ApiToken);
    }

    [Fact]
    public void Bind_EveryKey_IsReadFromTheHuggingFaceSection()
    {
        var options = Resolve(new Dictionary<string, string?>
        {
            ["HuggingFace:BaseUrl"] = "http://127.0.0.1:8080",
            ["HuggingFace:Mode"] = "Api",
            ["HuggingFace:PollInterval"] = "00:05:00",
            ["HuggingFace:UserAgent"] = "Bot/2.0",
            ["HuggingFace:RequestTimeout"] = "00:00:10",
            ["HuggingFace:MaxRetries"] = "0",
            ["HuggingFace:RetryBaseDelay"] = "00:00:00.5",
            ["HuggingFace:ApiToken"] = "hf_abc",
        });

        Assert.Equal("http://127.0.0.1:8080", options.BaseUrl);
        Assert.Equal(ListingMode.Api, options.Mode);
        Assert.Equal(TimeSpan.FromMinutes(5), options.PollInterval);
        Assert.Equal("Bot/2.0", options.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryBaseDelay);
        Assert.Equal("hf_abc", options.ApiToken);
    }

    [Theory]
    [InlineData("BaseUrl", "huggingface.co", "HuggingFace:BaseUrl must be an absolute http(s) URL such as https://huggingface.co")]
    [InlineData("BaseUrl", "ftp://huggingface.co", "HuggingFace:BaseUrl must be an absolute http(s) URL")]
    [InlineData("BaseUrl", "", "HuggingFace:BaseUrl is required")]
    [InlineData("PollInterval", "00:00:30", "HuggingFace:PollInterval must be between 00:01:00 and 1.00:00:00")]
    [InlineData("RequestTimeout", "00:30:00", "HuggingFace:RequestTimeout must be between")]
    [InlineData("MaxRetries", "50", "HuggingFace:MaxRetries must be a whole number from 0 to 10")]
    [InlineData("RetryBaseDelay", "00:05:00", "HuggingFace:RetryBaseDelay must be between")]
    [InlineData("ListingFile", "/nonexistent/saved-page.html", "HuggingFace:ListingFile is '/nonexistent/saved-page.html', which does not exist")]
    [InlineData("UserAgent", "not a (valid user agent", "HuggingFace:UserAgent must be a valid User-Agent header")]
    public void Validate_BadValue_FailsStartUpNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new Dictionary<string, string?> { [$"HuggingFace:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenWithSpaces_FailsWithoutEchoingTheToken()
    {
        using var provider = Build(new Dictionary<string, string?> { ["HuggingFace:ApiToken"] = "hf_secret part2" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HuggingFaceOptions>>().Value);

        Assert.Contains("HuggingFace:ApiToken must be a single Hugging Face access token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_secret", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        ListingHarness.BuildProvider(new CapturingLoggerProvider(), settings);

    private static HuggingFaceOptions Resolve(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return provider.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
    }
}
