using System.Text;
using PaperBot.Testing.Fuzz;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>
/// Form bodies (<c>application/x-www-form-urlencoded</c>): field mutations (missing, repeated, extra, odd values,
/// mangled command text) and encoding damage (stray <c>%</c>, bad escapes, invalid UTF-8, empty keys).
/// </summary>
internal static class FormMutator
{
    /// <summary>Pieces of the query language and the command syntax, for building hostile command text.</summary>
    private static readonly string[] CommandTokens =
    [
        "subscribe", "unsubscribe", "pause", "resume", "today", "search", "save", "unsave", "saved", "export", "subscriptions", "help", "count",
        "OR", "AND", "NOT", "or", "-", "--", "(", ")", "((", "))", "\"", "\u201C", "\u201D", "\u201E", "&lt;", "&gt;", "&amp;", "&", "<", ">",
        "title:", "abstract:", "author:", "authors:", "org:", "keyword:", "has:", "has:code", "has:project", "has:nothing", "upvotes:", "upvotes:>",
        "upvotes:>=99999999999999999999", "upvotes:<-1", "upvotes:>=1e9", "title:\"\"", "author:(", "--digest", "--backfill", "--backfill=-3",
        "--backfill 999999999999", "--min-upvotes", "--page", "--page 0", "--page -2147483648", "09:00", "24:00", "23:59", "Europe/Paris",
        "../../etc/localtime", "UTC", "Etc/GMT+14", "#1", "#", "#0", "#-1", "#99999999999", "all", "bibtex", "csv", "json", "2511.00001",
        "2511.00001v0", "arXiv:", "hep-th/9901001", "cs/0101001v2", "agents", "robots", "*", "?", "~", "\\", "\t", "\n", "\u00A0", "\u3000",
    ];

    public static string CommandText(string text, Random random)
    {
        var tokens = text.Split(' ').ToList();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var at = random.Next(tokens.Count + 1);
            switch (random.Next(7))
            {
                case 0 when tokens.Count > 0 && at < tokens.Count:
                    tokens.RemoveAt(at);
                    break;
                case 1 when tokens.Count > 0 && at < tokens.Count:
                    tokens.Insert(at, tokens[at]);
                    break;
                case 2 when tokens.Count > 0 && at < tokens.Count:
                    tokens[at] = tokens[at] + CommandTokens[random.Next(CommandTokens.Length)];
                    break;
                case 3:
                    tokens.Insert(at, Vocabulary.Values.OddText(random));
                    break;
                default:
                    tokens.Insert(at, CommandTokens[random.Next(CommandTokens.Length)]);
                    break;
            }
        }

        return string.Join(random.Next(5) == 0 ? "  " : " ", tokens);
    }

    public static void Mutate(List<KeyValuePair<string, string>> fields, Random random, int mutations)
    {
        for (var i = 0; i < mutations; i++)
        {
            var at = fields.Count == 0 ? 0 : random.Next(fields.Count);
            switch (random.Next(9))
            {
                case 0 when fields.Count > 0:
                    fields.RemoveAt(at);
                    break;
                case 1 when fields.Count > 0:
                    fields.Insert(random.Next(fields.Count + 1), new(fields[at].Key, random.Next(2) == 0 ? fields[at].Value : Vocabulary.Values.OddText(random)));
                    break;
                case 2:
                    fields.Insert(random.Next(fields.Count + 1), new(Vocabulary.Values.PropertyName(random), Vocabulary.Values.OddText(random)));
                    break;
                case 3 or 4 or 5:
                    var text = fields.FindIndex(f => f.Key == "text");
                    if (text >= 0)
                    {
                        fields[text] = new("text", CommandText(fields[text].Value, random));
                    }

                    break;
                default:
                    if (fields.Count > 0)
                    {
                        fields[at] = new(fields[at].Key, Vocabulary.Values.OddText(random));
                    }

                    break;
            }
        }
    }

    /// <summary>The form body, percent-encoded as Slack does (or with <c>+</c> for spaces); a lone surrogate becomes its invalid UTF-8.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields, Random random)
    {
        var plus = random.Next(2) == 0;
        return string.Join("&", fields.Select(f => Escape(f.Key, plus) + "=" + Escape(f.Value, plus)));
    }

    private static string Escape(string value, bool plus)
    {
        var parts = value.Split(FuzzValues.LoneSurrogateMarker);
        return string.Join("%ED%A0%80", parts.Select(p =>
        {
            var builder = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(p))
            {
                if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                {
                    builder.Append((char)b);
                }
                else if (b == ' ' && plus)
                {
                    builder.Append('+');
                }
                else
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return builder.ToString();
        }));
    }

    private static readonly string[] Damage = ["%", "%G1", "%E2%82", "%ED%A0%80", "%ED%B0%80", "%C0%AF", "%FF", "%00", "&&&", "=", "==", "&=&", "+", ";", "%25", "%%", "é", "\uD83E\uDDEA", "&payload", "&text=", "&channel_id=&user_id="];

    /// <summary>Damage to the encoded body itself: stray or bad escapes, invalid UTF-8, cut-off bodies and empty keys.</summary>
    public static string Break(string body, Random random)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = body.Length == 0 ? 0 : random.Next(body.Length);
            body = random.Next(5) == 0 ? body[..at] : body.Insert(at, Damage[random.Next(Damage.Length)]);
        }

        return body;
    }
}
