using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using PaperBot.Discord.Interactions;
using PaperBot.Testing.Fuzz;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>
/// Generates fuzz case <c>i</c> from its own seeded <see cref="Random"/>, so every case is reproducible on its own
/// and the cases can be sent in parallel without changing what they are.
/// </summary>
internal static class FuzzCorpus
{
    public const int Seed = 20261125;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };

    public static FuzzCase Generate(int index)
    {
        var random = new Random(unchecked((Seed * 31) + index));
        var (origin, body) = random.Next(1000) switch
        {
            < 3 => ("oversized", Oversized(random)),
            < 100 => ("random json", Serialize(Vocabulary.Values.Any(random, 5))),
            < 140 => ("random bytes", RandomBytes(random)),
            < 160 => ("seed", Encoding.UTF8.GetBytes(FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)])),
            < 880 => ("mutated seed", MutatedSeed(random)),
            _ => ("mutated seed bytes", ByteMutations.Apply(MutatedSeed(random), random)),
        };
        var auth = random.Next(100) switch
        {
            < 94 => FuzzAuth.Signed,
            94 => FuzzAuth.Unsigned,
            95 => FuzzAuth.ForgedKey,
            96 or 97 => FuzzAuth.TamperedBody,
            98 => FuzzAuth.StaleTimestamp,
            _ => FuzzAuth.GarbledSignature,
        };
        return new FuzzCase(index, origin, body, auth);
    }

    private static byte[] MutatedSeed(Random random)
    {
        var seed = JsonNode.Parse(FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)]);
        var mutations = random.Next(4) switch { 0 => 1, 1 => 2, 2 => random.Next(3, 6), _ => random.Next(6, 20) };
        return Serialize(Vocabulary.Mutator.Mutate(seed, random, mutations));
    }

    private static byte[] Serialize(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(Relaxed);
        return Encoding.UTF8.GetBytes(text.Replace(FuzzValues.LoneSurrogateMarker, "\\ud800x\\udfff", StringComparison.Ordinal));
    }

    /// <summary>A seed padded past the endpoint's 1 MiB limit, which must be refused before it is read whole.</summary>
    private static byte[] Oversized(Random random)
    {
        var json = JsonNode.Parse(FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)])!.AsObject();
        json["padding"] = new string('x', InteractionEndpoint.MaxBodyBytes + random.Next(1, 1000));
        return Serialize(json);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        return bytes;
    }
}
