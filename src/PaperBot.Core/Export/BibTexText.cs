using System.Text;

namespace PaperBot.Core.Export;

/// <summary>Text made safe for a braced BibTeX value.</summary>
internal static class BibTexText
{
    /// <summary>
    /// Escapes TeX's special characters. Inline math (<c>$\alpha$</c>) that is well formed is kept as written,
    /// since it is meant to render; anything unbalanced is escaped as plain text.
    /// </summary>
    public static string Escape(string text)
    {
        text = text.ReplaceLineEndings(" ");
        var parts = text.Split('$');
        if (parts.Length % 2 == 1 && parts.Length > 1 && parts.Where((_, i) => i % 2 == 1).All(IsKeepableMath))
        {
            var result = new StringBuilder();
            for (var i = 0; i < parts.Length; i++)
            {
                result.Append(i % 2 == 1 ? $"${parts[i]}$" : EscapePlain(parts[i]));
            }

            return result.ToString();
        }

        return EscapePlain(text);
    }

    /// <summary>"Adam Tauman Kalai" becomes "Kalai, Adam Tauman"; a one-word name is braced whole.</summary>
    public static string Author(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length < 2
            ? $"{{{EscapePlain(name.Trim())}}}"
            : $"{EscapePlain(words[^1])}, {EscapePlain(string.Join(' ', words[..^1]))}";
    }

    private static bool IsKeepableMath(string math)
    {
        var depth = 0;
        foreach (var c in math)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0 && math.Length > 0 && !math.EndsWith('\\') && !math.Contains('%', StringComparison.Ordinal);
    }

    private static string EscapePlain(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' => @"\&",
                '%' => @"\%",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '"' => "{\"}",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}
