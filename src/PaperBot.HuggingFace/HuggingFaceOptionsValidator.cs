using Microsoft.Extensions.Options;

namespace PaperBot.HuggingFace;

/// <summary>
/// The checks data annotations cannot express. Each message names the key and says what to put
/// there, because an operator reads it in a start-up failure, not in the code.
/// </summary>
internal sealed class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.BaseUrl))
        {
            failures.Add("HuggingFace:BaseUrl must be an absolute http(s) URL such as https://huggingface.co");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add("HuggingFace:Mode must be Page (read the Daily Papers web page) or Api (read /api/daily_papers)");
        }

        if (!string.IsNullOrWhiteSpace(options.ListingFile) && !File.Exists(options.ListingFile))
        {
            failures.Add($"HuggingFace:ListingFile is '{options.ListingFile}', which does not exist; put the path of a saved Daily Papers page or API response there, or remove the key to read the listing from HuggingFace:BaseUrl");
        }

        if (!string.IsNullOrWhiteSpace(options.UserAgent) && !IsUserAgent(options.UserAgent))
        {
            failures.Add($"HuggingFace:UserAgent must be a valid User-Agent header (product/version and a comment), such as {HuggingFaceOptions.DefaultUserAgent}");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiToken) && options.ApiToken.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The message must not echo the value: it is a secret.
            failures.Add("HuggingFace:ApiToken must be a single Hugging Face access token (hf_...) without spaces; remove the key to poll anonymously");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);

    private static bool IsUserAgent(string value)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
