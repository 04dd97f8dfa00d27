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
}
