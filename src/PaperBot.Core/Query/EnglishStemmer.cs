using System.Collections.Frozen;

namespace PaperBot.Core.Query;

/// <summary>
/// A light English stemmer: Porter's steps 1 and 5 (plurals, -ed, -ing, y/i, final e, double l) and nothing
/// derivational, so "agents" and "agent" meet, "reasoning" and "reason" meet, but "agentic" stays itself.
/// Papers and queries both go through <see cref="Stem"/>, so whatever it does, it does to both sides.
/// </summary>
internal static class EnglishStemmer
{
    // Words Porter would fold into a different common word ("news" -> "new", "means" -> "mean"), and "embed",
    // which Porter cuts to "emb" while "embedding" becomes "embed".
    private static readonly FrozenSet<string> Invariant =
        FrozenSet.ToFrozenSet(["news", "means", "bias", "lens", "embed", "evening"], StringComparer.Ordinal);

    /// <summary>
    /// Stems one folded word. Words of three letters or fewer, words with digits or non-ASCII letters
    /// (names, model ids, other scripts) come back unchanged, and no rule leaves fewer than three letters.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !IsAsciiLower(word) || Invariant.Contains(word))
        {
            return word;
        }

        var stem = StripPlural(word);

        // A plural of a short or invariant word stems to that word: "days" is "day", "embeds" is "embed".
        if (stem.Length <= 3 || Invariant.Contains(stem))
        {
            return stem;
        }

        stem = StripEdIng(stem);
        if (stem.Length <= 3)
        {
            return stem;
        }

        stem = YToI(stem);
        stem = StripFinalE(stem);
        return stem.Length > 4 && stem.EndsWith("ll", StringComparison.Ordinal) && Measure(stem.AsSpan(0, stem.Length - 1)) > 1
            ? stem[..^1]
            : stem;
    }

    // Porter 1a, plus: no "s" is taken after "s", "u" or "i", so "class", "corpus", "status" and "analysis"
    // keep their spelling.
    private static string StripPlural(string word)
    {
        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            // "studies" -> "studi" (like "study" -> "studi"); "ties" -> "tie" rather than a two-letter "ti".
            return word.Length > 4 ? word[..^2] : word[..^1];
        }

        return word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
    }

    // Porter 1b: "-eed" -> "-ee" when the rest has a syllable; "-ed" and "-ing" go when the rest has a vowel,
    // then the stem is tidied so that "generating", "planning" and "making" meet "generate", "plan", "make".
    private static string StripEdIng(string word)
    {
        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            return Measure(word.AsSpan(0, word.Length - 3)) > 0 ? word[..^1] : word;
        }

        var suffix = word.EndsWith("ed", StringComparison.Ordinal) ? 2 : word.EndsWith("ing", StringComparison.Ordinal) ? 3 : 0;
        if (suffix == 0)
        {
            return word;
        }

        var stem = word[..^suffix];
        if (stem.Length < 3 || !HasVowel(stem))
        {
            // "used", "being", "string": too little is left to be sure it is a stem.
            return word;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (stem[^1] == stem[^2] && !IsVowel(stem, stem.Length - 1) && stem[^1] is not ('l' or 's' or 'z') && stem.Length > 3)
        {
            return stem[..^1];
        }

        return Measure(stem) == 1 && EndsConsonantVowelConsonant(stem) ? stem + "e" : stem;
    }

    // Porter 1c: "study" and "studies" both become "studi".
    private static string YToI(string word) =>
        word[^1] == 'y' && HasVowel(word.AsSpan(0, word.Length - 1)) ? word[..^1] + "i" : word;

    // Porter 5a: the final "e" goes unless the word is one short syllable ("plane", "hope", "code", "rate"),
    // which keeps "plane" apart from "plan" and "hope" apart from "hop".
    private static string StripFinalE(string word)
    {
        if (word[^1] != 'e')
        {
            return word;
        }

        var stem = word.AsSpan(0, word.Length - 1);
        var measure = Measure(stem);
        return measure > 1 || (measure == 1 && !EndsConsonantVowelConsonant(stem)) ? word[..^1] : word;
    }

    // Porter's m: the number of vowel-consonant sequences in [C](VC)^m[V].
    private static int Measure(ReadOnlySpan<char> stem)
    {
        var measure = 0;
        var previousVowel = false;
        for (var i = 0; i < stem.Length; i++)
        {
            var vowel = IsVowel(stem, i);
            if (!vowel && previousVowel)
            {
                measure++;
            }

            previousVowel = vowel;
        }

        return measure;
    }

    private static bool HasVowel(ReadOnlySpan<char> stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowel(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    // Porter's *o: consonant, vowel, consonant, the last not w, x or y ("hop", "plan", but not "box", "snow").
    private static bool EndsConsonantVowelConsonant(ReadOnlySpan<char> stem) =>
        stem.Length >= 3 && !IsVowel(stem, stem.Length - 1) && IsVowel(stem, stem.Length - 2) && !IsVowel(stem, stem.Length - 3)
        && stem[^1] is not ('w' or 'x' or 'y');

    // "y" is a vowel after a consonant ("study") and a consonant otherwise ("yes", "play").
    private static bool IsVowel(ReadOnlySpan<char> word, int i) => word[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => i > 0 && !IsVowel(word, i - 1),
        _ => false,
    };

    private static bool IsAsciiLower(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
