using System.Globalization;
using PaperBot.Core.Channels;
using PaperBot.Core.Digests;

namespace PaperBot.Core.Commands;

/// <summary>A digest option's value, <c>[HH:MM] [Area/City]</c>: either part may be left out (09:00, UTC).</summary>
public static class DigestValue
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public static bool LooksLikeTime(string word) =>
        word.Length is >= 4 and <= 5 && word.IndexOf(':', StringComparison.Ordinal) is 1 or 2 && word.All(c => c == ':' || char.IsAsciiDigit(c));

    public static bool LooksLikeZone(string word) =>
        word == "UTC" || (word.Contains('/', StringComparison.Ordinal) && char.IsAsciiLetter(word[0])
            && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-'));

    /// <summary>The options of a digest at <paramref name="value"/>, or an error saying what is wrong with it.</summary>
    public static bool TryApply(string value, SubscriptionOptions options, out SubscriptionOptions digest, out string? error)
    {
        digest = options;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var time = parts.Length > 0 && LooksLikeTime(parts[0]) ? parts[0] : null;
        var zones = parts.Skip(time is null ? 0 : 1).ToList();
        if (zones.Count > 1 || (zones.Count == 1 && !LooksLikeZone(zones[0])))
        {
            error = $"\"{value.Trim()}\" is not a digest time: write a time and optionally a zone, e.g. 09:00 or 09:00 Europe/Paris.";
            return false;
        }

        var at = DefaultTime;
        if (time is not null && !TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            error = $"\"{time}\" is not a time of day: write the digest time on a 24-hour clock, e.g. 09:00 or 18:30.";
            return false;
        }

        var zone = zones.Count == 1 ? zones[0] : "UTC";
        if (!DigestSchedule.TryFindZone(zone, out _))
        {
            error = $"I don't know the time zone \"{zone}\". Use an IANA name such as Europe/Paris, America/New_York or UTC.";
            return false;
        }

        digest = options with { Mode = SubscriptionMode.Digest, DigestAt = at, TimeZone = zone };
        error = null;
        return true;
    }
}
