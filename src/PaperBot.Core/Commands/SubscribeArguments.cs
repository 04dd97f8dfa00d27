using System.Globalization;
using System.Text.RegularExpressions;
using PaperBot.Core.Channels;
using PaperBot.Core.Digests;

namespace PaperBot.Core.Commands;

/// <summary>
/// <c>/papers subscribe &lt;query&gt; [--digest [HH:MM] [Area/City]] [--min-upvotes N] [--backfill N]</c>:
/// the options, wherever they stand, and the query that remains.
/// </summary>
public sealed partial record SubscribeArguments(string Query, SubscriptionOptions Options, int Backfill)
{
    public const int MaxBackfill = 20;

    public const string Usage = "--digest [HH:MM] [Area/City], --min-upvotes N, --backfill N";

    [GeneratedRegex(@"(?<=^|\s)--digest(?:\s+(?<time>\d{1,2}:\d{2}))?(?:\s+(?<zone>UTC|[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    [GeneratedRegex(@"(?<=^|\s)--(?<name>min-upvotes|backfill)(?:\s+|=)(?<value>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<=^|\s)--(?<name>[A-Za-z][\w-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyOption();

    /// <summary>Typed, the option fields (checked as the text options are); as text, see <see cref="TryParse"/>.</summary>
    public static bool TryRead(CommandArguments input, out SubscribeArguments arguments, out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.Typed)
        {
            return TryParse(input.Text, out arguments, out error);
        }

        var options = SubscriptionOptions.Default;
        arguments = new SubscribeArguments("", options, 0);
        if (input.Digest is { } digest)
        {
            // The same grammar as the text option, over the field's value alone (empty: 09:00 UTC).
            var option = digest.Trim().Length == 0 ? "--digest" : "--digest " + digest.Trim();
            var match = Digest().Match(option);
            if (!match.Success || match.Length != option.Length)
            {
                error = $"\"{digest.Trim()}\" is not a digest time: write a time and optionally a zone, e.g. 09:00 or 09:00 Europe/Paris.";
                return false;
            }

            if (!TryDigest(match, ref options, out error))
            {
                return false;
            }
        }

        if (input.Backfill is > MaxBackfill)
        {
            error = $"backfill can post at most {MaxBackfill} recent papers; ask for {MaxBackfill} or fewer.";
            return false;
        }

        if (input.MinUpvotes is < 0 || input.Backfill is < 0)
        {
            error = "min_upvotes and backfill are whole numbers from 0.";
            return false;
        }

        options = input.MinUpvotes is { } min ? options with { MinUpvotes = min } : options;
        arguments = new SubscribeArguments(input.Text.Trim(), options, input.Backfill ?? 0);
        error = null;
        return true;
    }

    public static bool TryParse(string text, out SubscribeArguments arguments, out string? error)
    {
        var options = SubscriptionOptions.Default;
        var backfill = 0;
        arguments = new SubscribeArguments("", options, 0);
        error = null;

        var digest = Digest().Match(text);
        if (digest.Success)
        {
            if (!TryDigest(digest, ref options, out error))
            {
                return false;
            }

            text = text.Remove(digest.Index, digest.Length);
        }

        for (var match = Number().Match(text); match.Success; match = Number().Match(text))
        {
            var value = match.Groups["value"].Value;
            var name = match.Groups["name"].Value;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"--{name} needs a whole number, e.g. --{name} {(name == "backfill" ? 5 : 20)}; \"{value}\" is not one.";
                return false;
            }

            if (name == "backfill")
            {
                if (number > MaxBackfill)
                {
                    error = $"--backfill can post at most {MaxBackfill} recent papers; ask for --backfill {MaxBackfill} or fewer.";
                    return false;
                }

                backfill = number;
            }
            else
            {
                options = options with { MinUpvotes = number };
            }

            text = text.Remove(match.Index, match.Length);
        }

        if (AnyOption().Match(text) is { Success: true } unknown)
        {
            error = $"Unknown option --{unknown.Groups["name"].Value}. Subscribe options are {Usage}.";
            return false;
        }

        arguments = new SubscribeArguments(text.Trim(), options, backfill);
        return true;
    }

    private static bool TryDigest(Match digest, ref SubscriptionOptions options, out string? error)
    {
        error = null;
        var at = new TimeOnly(9, 0);
        if (digest.Groups["time"].Success && !TimeOnly.TryParseExact(digest.Groups["time"].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            error = $"\"{digest.Groups["time"].Value}\" is not a time of day: write --digest 09:00 (24-hour clock).";
            return false;
        }

        var zone = digest.Groups["zone"].Success ? digest.Groups["zone"].Value : "UTC";
        if (!DigestSchedule.TryFindZone(zone, out _))
        {
            error = $"I don't know the time zone \"{zone}\". Use an IANA name such as Europe/Paris, America/New_York or UTC.";
            return false;
        }

        options = options with { Mode = SubscriptionMode.Digest, DigestAt = at, TimeZone = zone };
        return true;
    }
}
