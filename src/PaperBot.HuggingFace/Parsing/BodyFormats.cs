namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// Tells HTML from JSON by the first meaningful character, not by Content-Type or file extension:
/// a saved file has no Content-Type, and a proxy or an error page may send the wrong one.
/// </summary>
internal static class BodyFormats
{
    public static BodyFormat Detect(string body)
    {
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                continue;
            }

            return c switch
            {
                '<' => BodyFormat.Html,
                '[' or '{' => BodyFormat.Json,
                _ => BodyFormat.Unknown,
            };
        }

        return BodyFormat.Unknown;
    }

    /// <summary>The start of <paramref name="body"/>, one line, for a reason an operator reads.</summary>
    public static string Preview(string body)
    {
        var text = TextNormalizer.CollapseWhitespace(body) ?? "";
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
    }
}
