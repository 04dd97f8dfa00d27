using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Matching;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class SubscribeAboutTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Subscribe_About_WithoutTheSentenceModel_SaysWhatIsMissingAndStoresNothing()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers subscribe about:\"robots that learn from video\" -survey");

        Assert.Contains("needs the sentence model", error.Message, StringComparison.Ordinal);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
    }

    [Fact]
    public void SubscriptionIndex_AboutQuery_IsLeftToTheAboutMatcherAndNeverEvaluatedByWords()
    {
        var at = _bot.Time.GetUtcNow();
        Subscription[] subscriptions =
        [
            new(1, TestBot.General, "about:\"robots that learn from video\" robot", "alice", at),
            new(2, TestBot.General, "robot", "alice", at),
            new(3, TestBot.Robots, "about:\"robots that learn from video\"", "alice", at),
        ];

        var index = SubscriptionIndex.Build(subscriptions, (s, e) => Assert.Fail($"#{s.Id} reported invalid: {e}"));
        var matches = index.Match([TestPapers.Make("2611.00001", "A robot learns from video")]);

        Assert.Equal(1, index.QueryCount);
        var match = Assert.Single(matches);
        Assert.Equal(TestBot.General, match.Channel);
        Assert.Equal(["robot"], match.Topics);
    }
}
