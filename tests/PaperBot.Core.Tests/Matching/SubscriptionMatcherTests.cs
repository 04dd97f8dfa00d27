using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Matching;
using PaperBot.Core.Tests.Query;

namespace PaperBot.Core.Tests.Matching;

public sealed class SubscriptionMatcherTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef General = new("discord", "general");
    private static readonly ChannelRef Robots = new("slack", "robots");

    private readonly RecordingLogger<SubscriptionMatcher> _logger = new();

    [Fact]
    public void Match_SeveralTopicsOfOneChannel_OneMatchNamingThemInSubscriptionOrder()
    {
        // Channels come in the order of their first subscription, topics in subscription order.
        var matches = Matcher().Match(SamplePapers.All,
            [Sub(1, General, "world"), Sub(2, Robots, "robotics"), Sub(3, General, "agents"), Sub(4, General, "upvotes>=100")]);

        Assert.Equal(
            [
                "discord:general p1 [world | agents | upvotes>=100]",
                "discord:general p3 [world]",
                "slack:robots p3 [robotics]",
                "discord:general p4 [world]",
                "discord:general p6 [upvotes>=100]",
                "discord:general p8 [agents]",
            ],
            NaiveMatch.Describe(matches));
    }

    [Fact]
    public void Match_RepeatedQueryText_NamedOncePerChannel()
    {
        var matches = Matcher().Match([SamplePapers.All[0]],
            [Sub(1, General, "agents"), Sub(2, General, "agents"), Sub(3, Robots, "agents")]);

        Assert.Equal(["discord:general p1 [agents]", "slack:robots p1 [agents]"], NaiveMatch.Describe(matches));
    }

    [Fact]
    public void Match_StoredQueryNoLongerParses_LogsItAndMatchesTheRest()
    {
        var matches = Matcher().Match([SamplePapers.All[0]], [Sub(7, General, "titel:agents"), Sub(8, General, "agents")]);

        Assert.Equal(["discord:general p1 [agents]"], NaiveMatch.Describe(matches));
        var (level, message) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("Subscription 7 of discord:general no longer parses (column 1: unknown field \"titel:\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_SameSubscriptionsAgain_ReusesTheCompiledIndex()
    {
        var matcher = Matcher();
        List<Subscription> subscriptions = [Sub(7, General, "titel:agents"), Sub(8, General, "agents")];

        matcher.Match([SamplePapers.All[0]], subscriptions);
        var again = matcher.Match([SamplePapers.All[7]], [.. subscriptions]);

        // Compiled once: the broken query is reported once, not at every poll.
        Assert.Single(_logger.Entries);
        Assert.Equal(["discord:general p8 [agents]"], NaiveMatch.Describe(again));
    }

    [Fact]
    public void Match_SubscriptionsChanged_RecompilesTheIndex()
    {
        var matcher = Matcher();
        matcher.Match(SamplePapers.All, [Sub(1, General, "agents")]);

        var changed = matcher.Match(SamplePapers.All, [Sub(1, General, "agents"), Sub(2, Robots, "title:robotics")]);
        var removed = matcher.Match(SamplePapers.All, [Sub(2, Robots, "title:robotics")]);

        Assert.Equal(["discord:general p1 [agents]", "slack:robots p3 [title:robotics]", "discord:general p8 [agents]"], NaiveMatch.Describe(changed));
        Assert.Equal(["slack:robots p3 [title:robotics]"], NaiveMatch.Describe(removed));
    }

    [Fact]
    public void Match_NoSubscriptionsOrNoPapers_MatchesNothing()
    {
        Assert.Empty(Matcher().Match(SamplePapers.All, []));
        Assert.Empty(Matcher().Match([], [Sub(1, General, "agents")]));
    }

    private SubscriptionMatcher Matcher() => new(_logger);

    private static Subscription Sub(int id, ChannelRef channel, string query) => new(id, channel, query, "u", At);
}
