namespace PaperBot.Core.Tests.Export;

/// <summary>
/// A strict reader of the BibTeX subset PaperBot writes (@type{key, name = {value}, ...}), failing on anything
/// a BibTeX parser would reject: unbalanced braces, a missing comma or equals sign, duplicate keys or fields.
/// </summary>
internal static class BibTexReader
{
    public static List<(string Type, string Key, Dictionary<string, string> Fields)> Read(string text)
    {
        var entries = new List<(string, string, Dictionary<string, string>)>();
        var i = 0;
        while (true)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return entries;
            }

            Expect(text, ref i, '@');
            var type = Identifier(text, ref i);
            Expect(text, ref i, '{');
            var key = Identifier(text, ref i, keyChars: true);
            Assert.DoesNotContain(entries, e => e.Item2 == key);
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipSpace(text, ref i);
                if (text[i] == '}')
                {
                    i++;
                    break;
                }

                Expect(text, ref i, ',');
                SkipSpace(text, ref i);
                if (text[i] == '}')
                {
                    i++;
                    break;
                }

                var name = Identifier(text, ref i);
                Expect(text, ref i, '=');
                SkipSpace(text, ref i);
                Assert.True(fields.TryAdd(name, Braced(text, ref i)), $"duplicate field {name} in {key}");
            }

            entries.Add((type, key, fields));
        }
    }

    /// <summary>Undoes PaperBot's escaping, to compare with the original text.</summary>
    public static string Unescape(string value) => value
        .Replace(@"\textbackslash{}", "\\", StringComparison.Ordinal).Replace(@"\textasciitilde{}", "~", StringComparison.Ordinal)
        .Replace(@"\textasciicircum{}", "^", StringComparison.Ordinal).Replace("{\"}", "\"", StringComparison.Ordinal)
        .Replace(@"\{", "{", StringComparison.Ordinal).Replace(@"\}", "}", StringComparison.Ordinal).Replace(@"\&", "&", StringComparison.Ordinal)
        .Replace(@"\%", "%", StringComparison.Ordinal).Replace(@"\$", "$", StringComparison.Ordinal).Replace(@"\#", "#", StringComparison.Ordinal)
        .Replace(@"\_", "_", StringComparison.Ordinal);

    private static string Braced(string text, ref int i)
    {
        Expect(text, ref i, '{');
        var start = i;
        var depth = 1;
        for (; depth > 0; i++)
        {
            Assert.True(i < text.Length, "unbalanced braces");
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '{' or '}')
            {
                i++;
                continue;
            }

            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
        }

        return text[start..(i - 1)];
    }

    private static string Identifier(string text, ref int i, bool keyChars = false)
    {
        SkipSpace(text, ref i);
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (keyChars && text[i] is '_' or '.' or '-' or ':')))
        {
            i++;
        }

        Assert.True(i > start, $"identifier expected at {start}: {text[start..Math.Min(text.Length, start + 20)]}");
        return text[start..i];
    }

    private static void Expect(string text, ref int i, char c)
    {
        SkipSpace(text, ref i);
        Assert.True(i < text.Length && text[i] == c, $"'{c}' expected at {i}");
        i++;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
