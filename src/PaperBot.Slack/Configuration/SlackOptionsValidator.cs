using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PaperBot.Slack.Configuration;

/// <summary>
/// Start-up checks of the <c>Slack</c> section. Messages name the key and say what to put there; they never
/// echo a token or secret, because an operator may paste the error somewhere public.
/// </summary>
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    [GeneratedRegex("^[a-z0-9_+'-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmojiName();

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        CheckBotToken(options.BotToken, failures);
        CheckAppToken(options, failures);
        CheckSigningSecret(options, failures);

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add("Slack:Mode must be Auto (Socket Mode when Slack:AppToken is set), Socket or Http");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(api.Query))
        {
            failures.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL such as {SlackOptions.DefaultApiBaseUrl}");
        }

        if (string.IsNullOrWhiteSpace(options.SaveReaction) || !EmojiName().IsMatch(options.SaveReaction))
        {
            failures.Add($"Slack:SaveReaction must be an emoji name without colons, such as {SlackOptions.DefaultSaveReaction} (not :{SlackOptions.DefaultSaveReaction}:)");
        }

        var badManagers = options.Managers.Where(id => !id.All(char.IsAsciiLetterOrDigit) || id[0] is not ('U' or 'W') || id.Length > 32).ToList();
        if (badManagers.Count > 0)
        {
            failures.Add($"Slack:ManagerUserIds must list Slack user ids such as U0123ABCD, separated by commas (profile > ... > Copy member ID); " +
                $"these are not: {string.Join(", ", badManagers.Take(3).Select(id => id.Length > 20 ? id[..20] + "…" : id))}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBotToken(string? token, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            failures.Add("Slack:BotToken is empty but other Slack keys are set; put the app's Bot User OAuth Token (xoxb-...) there, or remove the Slack section to run without Slack");
        }
        else if (token.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken holds an app-level token (xapp-...); put the Bot User OAuth Token (xoxb-...) there and the xapp- token in Slack:AppToken");
        }
        else if (!token.StartsWith("xoxb-", StringComparison.Ordinal) || HasWhitespace(token))
        {
            failures.Add("Slack:BotToken must be the app's Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions page of the app)");
        }
    }

    private static void CheckAppToken(SlackOptions options, List<string> failures)
    {
        var token = options.AppToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            if (options.Mode == SlackMode.Socket)
            {
                failures.Add("Slack:Mode is Socket but Slack:AppToken is empty; put an app-level token (xapp-..., scope connections:write) there, or set Slack:Mode to Http");
            }

            return;
        }

        if (token.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken holds a bot token (xoxb-...); put the app-level token (xapp-..., Basic Information > App-Level Tokens, scope connections:write) there and the xoxb- token in Slack:BotToken");
        }
        else if (!token.StartsWith("xapp-", StringComparison.Ordinal) || HasWhitespace(token))
        {
            failures.Add("Slack:AppToken must be an app-level token, which starts with xapp- (Basic Information > App-Level Tokens, scope connections:write)");
        }
    }

    private static void CheckSigningSecret(SlackOptions options, List<string> failures)
    {
        if (options.EffectiveMode == SlackMode.Http && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is required in HTTP mode (no Slack:AppToken); put the app's Signing Secret there (Basic Information > App Credentials), or set Slack:AppToken to use Socket Mode");
        }
        else if (!string.IsNullOrWhiteSpace(options.SigningSecret) && HasWhitespace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret must be the app's Signing Secret as shown on its Basic Information page, without spaces");
        }
    }

    private static bool HasWhitespace(string value) => value.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
