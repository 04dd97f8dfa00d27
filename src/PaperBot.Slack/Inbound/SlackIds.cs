using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Slack.Inbound;

/// <summary>
/// What an inbound payload must carry before its ids reach the store: Slack's channel and user ids are short ASCII
/// letters and digits (<c>C0123ABCD</c>, <c>U0123ABCD</c>), and a deduplication key must fit the store's index.
/// </summary>
internal static class SlackIds
{
    /// <summary>Far above any real Slack id, far below the store's 1,023-byte index key limit.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Dedup keys longer than this are stored as their SHA-256, so a huge trigger or event id still dedupes.</summary>
    private const int MaxKeyBytes = 256;

    public static bool IsValid([NotNullWhen(true)] string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>A message ts, "1764000000.000100": short ASCII digits and a dot.</summary>
    public static bool IsValidTs([NotNullWhen(true)] string? ts) =>
        ts is { Length: > 0 and <= MaxIdLength } && ts.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>The inbound event log key for <paramref name="id"/>, hashed when it is too long to be an index key.</summary>
    public static string DedupKey(string kind, string id)
    {
        var key = $"slack:{kind}:{id}";
        return Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes
            ? key
            : $"slack:{kind}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";
    }
}
