namespace PaperBot.Core.Query;

/// <summary>The field prefixes a query may use, their canonical spelling, and the nearest one to a typo.</summary>
internal static class FieldPrefixes
{
    public const string Has = "has";
    public const string Upvotes = "upvotes";
    public const string About = "about";

    private static readonly (string Name, FieldSet Fields)[] Fields =
    [
        ("title", FieldSet.Title),
        ("abstract", FieldSet.Abstract),
        ("author", FieldSet.Authors),
        ("org", FieldSet.Organization),
        ("keyword", FieldSet.Keywords),
    ];

    /// <summary>Every prefix, as a user would type it, for messages.</summary>
    public static string Listing => "title:, abstract:, author:, org:, keyword:, has:, about:\"...\" and upvotes>=N";

    public static bool TryGet(string name, out FieldSet fields)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                fields = field.Fields;
                return true;
            }
        }

        fields = FieldSet.None;
        return false;
    }

    public static string NameOf(FieldSet fields) => Array.Find(Fields, field => field.Fields == fields).Name
        ?? throw new ArgumentOutOfRangeException(nameof(fields), fields, "not a single prefixable field");

    /// <summary>The known prefix closest to <paramref name="name"/>, when it is close enough to be a typo.</summary>
    public static string? Suggest(string name)
    {
        var folded = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in Fields.Select(field => field.Name).Append(Has).Append(Upvotes).Append(About))
        {
            // Plurals and long forms ("authors:", "organization:") are what people reach for first.
            var distance = candidate.Length >= 3 && folded.StartsWith(candidate, StringComparison.Ordinal)
                ? 1
                : EditDistance.Between(folded, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // One edit in four letters, at most two: "titel" and "autor" are typos, "foo" is not a field.
        return bestDistance <= Math.Min(2, Math.Max(1, folded.Length / 4)) ? best : null;
    }
}
