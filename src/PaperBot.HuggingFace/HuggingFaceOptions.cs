using System.ComponentModel.DataAnnotations;

namespace PaperBot.HuggingFace;

/// <summary>Settings of the <c>HuggingFace</c> configuration section.</summary>
public sealed class HuggingFaceOptions
{
    public const string SectionName = "HuggingFace";

    public const string DefaultUserAgent = "PaperBot/1.0 (+https://github.com/paperbot/paperbot)";

    [Required(ErrorMessage = "HuggingFace:BaseUrl is required; put the site's address there, such as https://huggingface.co")]
    public string BaseUrl { get; set; } = "https://huggingface.co";

    public ListingMode Mode { get; set; } = ListingMode.Page;

    /// <summary>How often the host's poller fetches the listing. Hugging Face asks for no more than every few minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HuggingFace:PollInterval must be between 00:01:00 and 1.00:00:00 (d.hh:mm:ss), such as 00:10:00; polling more often than once a minute is impolite")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A saved Daily Papers page or API response to read instead of the network (HTML or JSON, told apart by content).</summary>
    public string? ListingFile { get; set; }

    [Required(ErrorMessage = "HuggingFace:UserAgent is required; put a product and contact URL there, such as " + DefaultUserAgent)]
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Time allowed for one attempt (connect, headers and body).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HuggingFace:RequestTimeout must be between 00:00:00.100 and 00:10:00 (hh:mm:ss), such as 00:00:30")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 5xx, 408, 429, network errors and timeouts.</summary>
    [Range(0, 10, ErrorMessage = "HuggingFace:MaxRetries must be a whole number from 0 to 10, such as 3")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; later ones double (with jitter) unless the server sends Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "HuggingFace:RetryBaseDelay must be between 00:00:00 and 00:01:00 (hh:mm:ss), such as 00:00:02")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Optional Hugging Face access token, sent as <c>Authorization: Bearer</c>. Never logged.</summary>
    public string? ApiToken { get; set; }
}
