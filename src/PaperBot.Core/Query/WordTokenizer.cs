using System.Globalization;
using System.Text;

namespace PaperBot.Core.Query;

/// <summary>
/// Splits folded text into words. Papers and queries both go through here, so they always agree on
/// what a word is.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Folds <paramref name="text"/> and returns its words in order.</summary>
    public static string[] Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var folded = TextFolding.Fold(text);
        var ranges = new List<Range>();
        Split(folded, ranges);
        var words = new string[ranges.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = folded[ranges[i]];
        }

        return words;
    }

    /// <summary>
    /// Adds the ranges of the words of already-folded text. A word is a maximal run of letters and digits;
    /// everything else separates, including '-', '.', '\'' and ':', so "GPT-4" is the words "gpt" "4" and a
    /// query word "gpt-4" matches them as a phrase (but not "GPT-4o", whose words are "gpt" "4o").
    /// </summary>
    public static void Split(string folded, List<Range> words)
    {
        var start = -1;
        var i = 0;
        while (i < folded.Length)
        {
            bool isWord;
            int width;
            if (folded[i] < 128)
            {
                isWord = char.IsAsciiLetterOrDigit(folded[i]);
                width = 1;
            }
            else
            {
                Rune.DecodeFromUtf16(folded.AsSpan(i), out var rune, out width);
                isWord = IsWordRune(rune);
            }

            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(start..i);
                start = -1;
            }

            i += width;
        }

        if (start >= 0)
        {
            words.Add(start..folded.Length);
        }
    }

    // Spacing marks stay inside words: in scripts such as Devanagari they are vowels, not punctuation.
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
