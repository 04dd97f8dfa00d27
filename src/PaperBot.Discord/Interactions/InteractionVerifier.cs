using System.Buffers;
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

        Span<byte> signature = stackalloc byte[64];
        if (signatureHex.Length != 128 || Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != 64)
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

        // The signed message is timestamp + body, put together in a pooled buffer (interactions come by the thousand).
        var length = timestamp.Length + body.Length;
        var message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var prefix = Encoding.ASCII.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(prefix));
            return Verify(message.AsSpan(0, length), signature) ? null : "the signature does not match the application's public key";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
