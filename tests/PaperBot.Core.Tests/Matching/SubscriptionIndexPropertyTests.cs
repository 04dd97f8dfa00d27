using PaperBot.Core.Channels;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Tests.Query;

namespace PaperBot.Core.Tests.Matching;

public sealed class SubscriptionIndexPropertyTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void Match_RandomQueriesAndPapers_AgreesWithNaiveEvaluation(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        var random = new Random(seed);
        var subscriptions = new List<Subscription>();
        while (subscriptions.Count < 400)
        {
            // Some texts repeat across and within channels, and a few stored queries no longer parse.
            var text = random.Next(20) == 0 ? "titel:agents" : generator.Next(depth: 3).Text;
            if (random.Next(10) == 0 && subscriptions.Count > 0)
            {
                text = subscriptions[random.Next(subscriptions.Count)].Query;
            }

            var channel = new ChannelRef(random.Next(2) == 0 ? "discord" : "slack", $"c{random.Next(30)}");
            subscriptions.Add(new Subscription(subscriptions.Count + 1, channel, text, "u", At));
        }

        IReadOnlyList<Paper> papers = [.. SamplePapers.All, .. Enumerable.Range(0, 80).Select(generator.NextPaper)];

        var index = SubscriptionIndex.Build(subscriptions);
        var expected = NaiveMatch.Describe(papers, subscriptions);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, NaiveMatch.Describe(index.Match(papers)));
        Assert.Equal(0, index.UnanchoredCount);
    }

    [Fact]
    public void Match_ChannelWithManyTopics_NamesEveryMatchingTopicInSubscriptionOrder()
    {
        // More topics than one 64-bit word holds, in two channels, matching at positions on both sides of
        // word boundaries; plus words no query knows ("filler") and a phrase that must not span two authors.
        string[] matching = ["author:dubois", "agents", "benchmark", "multilingual agents", "cafe"];
        var subscriptions = new List<Subscription>();
        foreach (var channel in new[] { new ChannelRef("discord", "big"), new ChannelRef("slack", "other") })
        {
            for (var i = 0; i < 150; i++)
            {
                var text = i % 31 == 5 ? matching[i / 31] : $"filler{i}";
                subscriptions.Add(new Subscription(subscriptions.Count + 1, channel, text, "u", At));
            }

            subscriptions.Add(new Subscription(subscriptions.Count + 1, channel, "author:\"dubois ana\"", "u", At));
        }

        var index = SubscriptionIndex.Build(subscriptions);
        var expected = NaiveMatch.Describe(SamplePapers.All, subscriptions);

        Assert.Contains(expected, line => line.Split(" | ").Length >= 3);
        Assert.Equal(expected, NaiveMatch.Describe(index.Match(SamplePapers.All)));
        Assert.Equal(expected, NaiveMatch.Describe(index.Match(SamplePapers.All)));
    }
}
