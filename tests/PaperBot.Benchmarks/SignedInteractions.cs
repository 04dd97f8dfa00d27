using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using PaperBot.Discord.Interactions;

namespace PaperBot.Benchmarks;

/// <summary>Discord application-command interactions for <c>/papers</c>, signed as Discord signs them (Ed25519 over timestamp + body).</summary>
internal sealed class SignedInteractions : IDisposable
{
    public const string ApplicationId = "1263178492816216064";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary><paramref name="count"/> distinct interactions of <c>/papers <paramref name="subcommand"/></c>, signed now.</summary>
    public IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> Make(int count, string subcommand, string? query) =>
        MakeEach(count, subcommand, _ => query);

    /// <summary>Like <see cref="Make(int, string, string?)"/>, with interaction <c>i</c>'s query <paramref name="queryOf"/>(i).</summary>
    public IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> MakeEach(int count, string subcommand, Func<int, string?> queryOf)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var body = Encoding.UTF8.GetBytes(Json(i, subcommand, queryOf(i)));
            var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));
            return (body, timestamp, signature);
        })];
    }

    /// <summary>
    /// <paramref name="query"/> with the letter case of its letters set by the bits of <paramref name="i"/>: the same
    /// search (the query language folds case) asked in words PaperBot has not seen, so it is never answered from memory.
    /// </summary>
    public static string Spelled(string query, int i)
    {
        var letters = query.ToCharArray();
        for (int c = 0, bit = 0; c < letters.Length; c++)
        {
            if (char.IsAsciiLetter(letters[c]) && ((i >> bit++) & 1) == 1)
            {
                letters[c] = char.ToUpperInvariant(letters[c]);
            }
        }

        return new string(letters);
    }

    /// <summary>
    /// CPU time of one check of <paramref name="request"/>'s signature by PaperBot's <see cref="InteractionVerifier"/>
    /// (Ed25519: NSec, libsodium), as it checks every interaction, in this process: the median of 5 runs of 500. The
    /// floor does no verification.
    /// </summary>
    public TimeSpan VerifyCost((byte[] Body, string Timestamp, string Signature) request)
    {
        var verifier = new InteractionVerifier(PublicKeyHex, TimeProvider.System);
        var runs = new List<TimeSpan>();
        for (var run = 0; run < 6; run++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < 500; i++)
            {
                if (!verifier.IsValid(request.Signature, request.Timestamp, request.Body, out var problem))
                {
                    throw new InvalidOperationException($"A signature of our own did not verify: {problem}.");
                }
            }

            runs.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started) / 500);
        }

        // The first run warms up; the median of the other five.
        return runs.Skip(1).Order().ElementAt(2);
    }

    public void Dispose() => _key.Dispose();

    private static string Json(int i, string subcommand, string? query)
    {
        var options = new JsonArray();
        if (query is not null)
        {
            options.Add(new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = query });
        }

        var channel = (645027906669510667UL + (ulong)(i % 40)).ToString(CultureInfo.InvariantCulture);
        var user = (53908232506183680UL + (ulong)i).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = (1263184327218036809UL + (ulong)i).ToString(CultureInfo.InvariantCulture),
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["guild_id"] = "290926798626357999",
            ["channel_id"] = channel,
            ["channel"] = new JsonObject { ["id"] = channel, ["type"] = 0, ["name"] = "papers" },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = user, ["username"] = "reader" + i, ["global_name"] = "Reader" },
                ["roles"] = new JsonArray(),
                ["permissions"] = "3072",
            },
            ["app_permissions"] = "2147483647",
            ["locale"] = "en-US",
            ["context"] = 0,
            ["token"] = $"BENCH_TOKEN_{i:D5}_aW50ZXJhY3Rpb24",
            ["version"] = 1,
            ["data"] = new JsonObject
            {
                ["id"] = "1263180011132653589",
                ["name"] = "papers",
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = options }),
            },
        }.ToJsonString();
    }
}
