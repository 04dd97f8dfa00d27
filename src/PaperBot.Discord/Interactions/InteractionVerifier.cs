using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp + raw body</c>. Anything missing, malformed, stale
/// or forged is refused; Discord probes endpoints with bad signatures and drops those that accept one.
/// </summary>
internal sealed class InteractionVerifier
{
    /// <summary>A signed request older (or newer) than this is a replay, not Discord.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey _key;
    private readonly TimeProvider _time;

    public InteractionVerifier(string publicKeyHex, TimeProvider time)
    {
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex.Trim()), KeyBlobFormat.RawPublicKey);
        _time = time;
    }

    /// <summary>True only for a well-formed, fresh timestamp and a valid signature of <c>timestamp + body</c>.</summary>
    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body, out string? problem)
    {
        problem = Check(signatureHex, timestamp, body);
        return problem is null;
    }

    /// <summary>Verifies a raw Ed25519 signature (the RFC 8032 vectors exercise this directly).</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize && SignatureAlgorithm.Ed25519.Verify(_key, message, signature);

    private string? Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return "no X-Signature-Ed25519 or X-Signature-Timestamp header";
        }

        if (signatureHex.Length != 128 || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return "the signature is not 64 bytes of hex";
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "the timestamp is not a Unix time in seconds";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > MaxClockSkew)
        {
            return "the timestamp is more than 5 minutes away from this machine's clock (a replay, or a clock that needs NTP)";
        }

        var prefix = Encoding.ASCII.GetBytes(timestamp);
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Verify(message, Convert.FromHexString(signatureHex)) ? null : "the signature does not match the application's public key";
    }
}
