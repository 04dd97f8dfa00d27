using Microsoft.Extensions.Time.Testing;
using PaperBot.Slack.Publishing;

namespace PaperBot.Slack.Tests.Publishing;

public sealed class ReactionBudgetTests
{
    [Fact]
    public void TryTake_BigFanOut_SpendsTheBurstThenRefillsAtTier3Pace()
    {
        var time = new FakeTimeProvider();
        var budget = new ReactionBudget(time);

        var burst = Enumerable.Range(0, 100).Count(_ => budget.TryTake());
        Assert.Equal(ReactionBudget.Burst, burst);

        // 50 a minute: one more every 1.2 s.
        time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.False(budget.TryTake());
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(budget.TryTake());
        Assert.False(budget.TryTake());
    }

    [Fact]
    public void Block_RateLimited_SkipsEveryReactionUntilRetryAfterPasses()
    {
        var time = new FakeTimeProvider();
        var budget = new ReactionBudget(time);
        budget.Block(TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(budget.TryTake());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(budget.TryTake());
    }
}
