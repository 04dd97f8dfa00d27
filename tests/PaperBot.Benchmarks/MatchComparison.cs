using PaperBot.Core.Matching;

namespace PaperBot.Benchmarks;

internal static class MatchComparison
{
    /// <summary>True when both lists name the same channels, papers and topics in the same order.</summary>
    public static bool Identical(IReadOnlyList<ChannelMatch> expected, IReadOnlyList<ChannelMatch> actual, out string difference)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? Describe(expected[i]) : "(none)";
            var a = i < actual.Count ? Describe(actual[i]) : "(none)";
            if (e != a)
            {
                difference = $"match {i}: naive {e}, indexed {a}";
                return false;
            }
        }

        difference = "";
        return true;
    }

    private static string Describe(ChannelMatch match) =>
        $"{match.Channel.Key} {match.Paper.ArxivId} [{string.Join(" | ", match.Topics)}]";
}
