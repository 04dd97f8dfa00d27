using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using PaperBot.Testing.Fuzz;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>
/// Generates fuzz case <c>i</c> from its own seeded <see cref="Random"/>, so every case is reproducible on its own
/// and the cases can be sent in parallel without changing what they are. <paramref name="responseUrl"/> is the fake
/// Slack's response URL the seeds carry (mutations may turn it into a foreign one, which PaperBot must not call).
/// </summary>
internal sealed class FuzzCorpus(string responseUrl)
{
    public const int Seed = 20261125;

    /// <summary>Over VerifiedRequest's 1 MiB limit.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const string FormContentType = "application/x-www-form-urlencoded";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };

    public FuzzCase Generate(int index)
    {
        var random = new Random(unchecked((Seed * 31) + index));
        var endpoint = random.Next(100) switch { < 45 => FuzzEndpoint.Commands, < 78 => FuzzEndpoint.Events, _ => FuzzEndpoint.Interactivity };
        var (origin, body) = random.Next(1000) switch
        {
            < 3 => ("oversized", Oversized(endpoint, random)),
            < 60 => ("random json", Serialize(Vocabulary.Values.Any(random, 5))),
            < 100 => ("random bytes", RandomBytes(random)),
            < 140 => ("random form", Encoding.UTF8.GetBytes(FormMutator.Encode(RandomForm(random), random))),
            < 180 => ("seed", Seeded(endpoint, random, 0)),
            < 860 => ("mutated seed", Seeded(endpoint, random, Mutations(random))),
            < 930 => ("mutated seed, broken encoding", BrokenEncoding(endpoint, random)),
            _ => ("mutated seed bytes", ByteMutations.Apply(Seeded(endpoint, random, Mutations(random)), random)),
        };
        var contentType = random.Next(50) == 0
            ? (endpoint == FuzzEndpoint.Events ? FormContentType : "application/json")
            : (endpoint == FuzzEndpoint.Events ? "application/json" : FormContentType);
        var auth = random.Next(100) switch
        {
            < 90 => FuzzAuth.Signed,
            < 92 => FuzzAuth.Unsigned,
            < 94 => FuzzAuth.ForgedSecret,
            < 96 => FuzzAuth.TamperedBody,
            < 97 => FuzzAuth.StaleTimestamp,
            < 98 => FuzzAuth.FutureTimestamp,
            _ => FuzzAuth.GarbledSignature,
        };
        return new FuzzCase(index, endpoint, origin, body, contentType, auth);
    }

    private static int Mutations(Random random) => random.Next(4) switch { 0 => 1, 1 => 2, 2 => random.Next(3, 6), _ => random.Next(6, 20) };

    private byte[] Seeded(FuzzEndpoint endpoint, Random random, int mutations) => endpoint switch
    {
        FuzzEndpoint.Commands => Encoding.UTF8.GetBytes(FormMutator.Encode(CommandFields(random, mutations), random)),
        FuzzEndpoint.Events => Serialize(MutatedJson(FuzzSeeds.Events, random, mutations, "event_id", "EvFuzz")),
        _ => Encoding.UTF8.GetBytes(FormMutator.Encode(ClickFields(random, mutations), random)),
    };

    private byte[] BrokenEncoding(FuzzEndpoint endpoint, Random random) => endpoint == FuzzEndpoint.Events
        ? ByteMutations.Apply(Seeded(endpoint, random, Mutations(random)), random)
        : Encoding.UTF8.GetBytes(FormMutator.Break(Encoding.UTF8.GetString(Seeded(endpoint, random, random.Next(3))), random));

    private List<KeyValuePair<string, string>> CommandFields(Random random, int mutations)
    {
        var fields = FuzzSeeds.CommandForm(random);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Value == FuzzSeeds.ResponseUrlMarker)
            {
                fields[i] = new(fields[i].Key, responseUrl);
            }
        }

        FormMutator.Mutate(fields, random, mutations);
        return fields;
    }

    /// <summary>An interactivity form: the click's JSON (mutated) in <c>payload</c>, sometimes with the form itself mutated too.</summary>
    private List<KeyValuePair<string, string>> ClickFields(Random random, int mutations)
    {
        var json = MutatedJson(FuzzSeeds.Clicks, random, mutations, "trigger_id", "trig-fuzz");
        var text = Encoding.UTF8.GetString(Serialize(json));
        var fields = new List<KeyValuePair<string, string>> { new("payload", text) };
        if (mutations > 0 && random.Next(5) == 0)
        {
            FormMutator.Mutate(fields, random, random.Next(1, 3));
        }

        return fields;
    }

    /// <summary>A seed with its dedup key made fresh (so events and clicks are not all repeats), then mutated.</summary>
    private JsonNode? MutatedJson(IReadOnlyList<string> seeds, Random random, int mutations, string keyField, string keyPrefix)
    {
        var seed = JsonNode.Parse(seeds[random.Next(seeds.Count)].Replace(FuzzSeeds.ResponseUrlMarker, responseUrl, StringComparison.Ordinal))!.AsObject();
        if (seed.ContainsKey(keyField) && random.Next(10) != 0)
        {
            seed[keyField] = keyPrefix + random.Next(1_000_000);
        }

        return mutations == 0 ? seed : Vocabulary.Mutator.Mutate(seed, random, mutations);
    }

    private static List<KeyValuePair<string, string>> RandomForm(Random random) =>
        [.. Enumerable.Range(0, random.Next(8)).Select(_ => new KeyValuePair<string, string>(Vocabulary.Values.PropertyName(random), Vocabulary.Values.OddText(random)))];

    private static byte[] Serialize(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(Relaxed);
        return Encoding.UTF8.GetBytes(text.Replace(FuzzValues.LoneSurrogateMarker, "\\ud800x\\udfff", StringComparison.Ordinal));
    }

    /// <summary>A seed padded past the 1 MiB limit, which must be refused before it is read whole.</summary>
    private byte[] Oversized(FuzzEndpoint endpoint, Random random)
    {
        var padding = new string('x', MaxBodyBytes + random.Next(1, 1000));
        return endpoint == FuzzEndpoint.Events
            ? Serialize(new JsonObject { ["type"] = "event_callback", ["padding"] = padding })
            : [.. Seeded(endpoint, random, 0), .. Encoding.ASCII.GetBytes("&padding=" + padding)];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        return bytes;
    }
}
