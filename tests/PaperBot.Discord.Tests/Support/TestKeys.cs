using System.Text;
using NSec.Cryptography;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Ed25519 keys that sign requests the way Discord does: over <c>timestamp + body</c>.</summary>
internal sealed class TestKeys : IDisposable
{
    /// <summary>RFC 8032 section 7.1, test 1.</summary>
    public const string Rfc1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string Rfc1Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    public const string Rfc1Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /// <summary>RFC 8032 section 7.1, test 2 (message 0x72).</summary>
    public const string Rfc2Public = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    public const string Rfc2Signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    private readonly Key _key;

    private TestKeys(Key key) => _key = key;

    /// <summary>The application's key in the tests (RFC 8032 test 1's seed, so the public key is known).</summary>
    public static TestKeys Application() => FromSeed(Rfc1Seed);

    /// <summary>Some other key: what a forger would sign with.</summary>
    public static TestKeys Other() => new(Key.Create(SignatureAlgorithm.Ed25519));

    public static TestKeys FromSeed(string seedHex) =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seedHex), KeyBlobFormat.RawPrivateKey));

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));

    public void Dispose() => _key.Dispose();
}
