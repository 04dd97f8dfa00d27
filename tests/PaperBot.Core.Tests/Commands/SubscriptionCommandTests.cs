using PaperBot.Core.Commands;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class SubscriptionCommandTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Subscribe_ValidQuery_StoresNormalisedQueryAndConfirmsWithId()
    {
        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers subscribe  agents   OR robotics ");

        var subscription = Assert.Single(_bot.Store.SubscriptionsOf(TestBot.General));
        Assert.Equal("agents OR robotics", subscription.Query);
        Assert.Equal(TestBot.Alice.Key, subscription.CreatedBy);
        Assert.Contains($"#{subscription.Id}", confirmation.Message);
    }

    [Fact]
    public async Task Subscribe_SameQueryTwice_KeepsOneSubscription()
    {
        await _bot.RunAsync("/papers subscribe agents");
        var second = await _bot.RunAsync<ConfirmationResult>("/papers subscribe   agents");

        Assert.Contains("already subscribed", second.Message);
        Assert.Single(_bot.Store.SubscriptionsOf(TestBot.General));
    }

    [Theory]
    [InlineData("/papers subscribe", "column 1")]
    [InlineData("/papers subscribe \"world model", "column")]
    [InlineData("/papers subscribe (agents", "column")]
    [InlineData("/papers subscribe agents OR", "column")]
    public async Task Subscribe_MalformedQuery_RefusedWithColumnAndNothingStored(string command, string expected)
    {
        var error = await _bot.RunAsync<ErrorResult>(command);

        Assert.Contains(expected, error.Message);
        Assert.NotNull(error.Hint);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
    }

    [Fact]
    public async Task Subscribe_QueryOver500Characters_Refused()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers subscribe " + string.Join(' ', Enumerable.Repeat("agents", 90)));

        Assert.Contains("500", error.Message);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
    }

    [Fact]
    public async Task Subscribe_WithoutManagePermission_PolitelyRefused()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers subscribe agents", canManage: false);

        Assert.Contains("only members who can manage this channel", error.Message);
        Assert.True(error.Private);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
    }

    [Fact]
    public async Task Subscriptions_ListsOnlyThisChannelsWithIds()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe robotics", channel: TestBot.Robots);

        var list = await _bot.RunAsync<SubscriptionListResult>("/papers subscriptions");

        Assert.Equal(["agents"], list.Subscriptions.Select(s => s.Query));
        Assert.Null(list.PausedReason);
    }

    [Fact]
    public async Task Subscriptions_PausedChannel_ShowsTheReason()
    {
        await _bot.RunAsync("/papers subscribe agents");
        _bot.Store.SetPaused(TestBot.General, "the bot was removed from this channel", _bot.Time.GetUtcNow());

        var list = await _bot.RunAsync<SubscriptionListResult>("/papers subscriptions");

        Assert.Equal("the bot was removed from this channel", list.PausedReason);
    }

    [Fact]
    public async Task Unsubscribe_ById_RemovesOnlyThatOne()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe robotics");
        var id = _bot.Store.SubscriptionsOf(TestBot.General)[0].Id;

        var confirmation = await _bot.RunAsync<ConfirmationResult>($"/papers unsubscribe #{id}");

        Assert.Contains("agents", confirmation.Message);
        Assert.Equal(["robotics"], _bot.Store.SubscriptionsOf(TestBot.General).Select(s => s.Query));
    }

    [Fact]
    public async Task Unsubscribe_AnotherChannelsId_RefusedAndKept()
    {
        await _bot.RunAsync("/papers subscribe robotics", channel: TestBot.Robots);
        var id = _bot.Store.SubscriptionsOf(TestBot.Robots)[0].Id;

        var error = await _bot.RunAsync<ErrorResult>($"/papers unsubscribe {id}");

        Assert.Contains($"no subscription #{id}", error.Message);
        Assert.Single(_bot.Store.SubscriptionsOf(TestBot.Robots));
    }

    [Theory]
    [InlineData("/papers unsubscribe", "Which subscription")]
    [InlineData("/papers unsubscribe banana", "is not a subscription id")]
    [InlineData("/papers unsubscribe -3", "is not a subscription id")]
    public async Task Unsubscribe_BadArgument_ExplainsUsage(string command, string expected)
    {
        var error = await _bot.RunAsync<ErrorResult>(command);

        Assert.Contains(expected, error.Message);
        Assert.Contains("/papers unsubscribe all", error.Hint);
    }

    [Fact]
    public async Task Unsubscribe_All_RemovesEveryOneOfThisChannel()
    {
        await _bot.RunAsync("/papers subscribe agents");
        await _bot.RunAsync("/papers subscribe robotics");
        await _bot.RunAsync("/papers subscribe vision", channel: TestBot.Robots);

        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers unsubscribe all");

        Assert.Contains("all 2 subscriptions", confirmation.Message);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
        Assert.Single(_bot.Store.SubscriptionsOf(TestBot.Robots));
    }

    [Fact]
    public async Task Unsubscribe_WithoutManagePermission_Refused()
    {
        await _bot.RunAsync("/papers subscribe agents");

        await _bot.RunAsync<ErrorResult>("/papers unsubscribe all", canManage: false);

        Assert.Single(_bot.Store.SubscriptionsOf(TestBot.General));
    }
}
