using System.Text.Json.Nodes;

namespace PaperBot.Testing.Fuzz;

/// <summary>
/// Structural and value mutations of a JSON tree: wrong types, missing and extra fields, duplicated and
/// reordered array items, odd strings and numbers, grafted subtrees and nesting deeper than parsers allow.
/// </summary>
public sealed class JsonMutator(FuzzValues values)
{
    public JsonNode? Mutate(JsonNode? root, Random random, int mutations)
    {
        for (var i = 0; i < mutations; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            if (nodes.Count == 0 || random.Next(60) == 0)
            {
                root = values.Any(random);
                continue;
            }

            var target = nodes[random.Next(nodes.Count)];
            if (target.Parent is null)
            {
                root = Change(target, random);
                continue;
            }

            MutateInPlace(target, random, nodes);
        }

        return root;
    }

    private void MutateInPlace(JsonNode target, Random random, List<JsonNode> nodes)
    {
        var parent = target.Parent!;
        switch (random.Next(6))
        {
            case 0 when parent is JsonObject obj:
                obj.Remove(target.GetPropertyName());
                break;
            case 0 when parent is JsonArray arr:
                arr.RemoveAt(target.GetElementIndex());
                break;
            case 1 when target is JsonObject obj:
                obj[values.PropertyName(random)] = values.Any(random, 2);
                break;
            case 1 when target is JsonArray arr:
                // Duplicates an item (two options with one name) or adds garbage.
                arr.Add(arr.Count > 0 && random.Next(2) == 0 ? arr[random.Next(arr.Count)]?.DeepClone() : values.Any(random, 2));
                break;
            case 2:
                // Grafts another part of the same payload here: right names, wrong places.
                Replace(target, nodes[random.Next(nodes.Count)].DeepClone());
                break;
            default:
                Replace(target, Change(target, random));
                break;
        }
    }

    /// <summary>A new value for <paramref name="target"/>: usually one of a nearby kind, sometimes anything at all.</summary>
    private JsonNode? Change(JsonNode target, Random random) => random.Next(10) switch
    {
        0 => values.Deep(random),
        1 or 2 => values.Any(random, 3),
        _ => target.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => random.Next(3) == 0 ? values.OddNumber(random) : values.OddString(random),
            System.Text.Json.JsonValueKind.Number => random.Next(3) == 0 ? values.OddString(random) : values.OddNumber(random),
            System.Text.Json.JsonValueKind.Object => random.Next(2) == 0 ? new JsonObject() : new JsonArray(target.DeepClone()),
            System.Text.Json.JsonValueKind.Array => random.Next(2) == 0 ? new JsonArray() : values.Any(random, 2),
            _ => values.Any(random, 2),
        },
    };

    private void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = value;
                break;
            case JsonArray arr:
                arr[target.GetElementIndex()] = value;
                break;
        }
    }

    private void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray arr:
                foreach (var child in arr)
                {
                    Collect(child, nodes);
                }

                break;
        }
    }
}
