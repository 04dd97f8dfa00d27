using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Outbox;
using PaperBot.Core.Saving;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

/// <summary>The rules both platform adapters call instead of deciding themselves: reactions, Save buttons, a returning bot, suggestions.</summary>
public sealed class AdapterRulesTests : IDisposable
{
    private readonly TestBot _bot = new();

    public AdapterRulesTests()
    {
        var delivery = Delivery.New(TestBot.General, "2611.00001", ["agents"], _bot.Time.GetUtcNow());
        _bot.Store.RecordPoll([TestPapers.Make("2611.00001", "Agents"), TestPapers.Make("2611.00002", "Robots")], [delivery],
            new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        _bot.Store.MarkSent(delivery.Id, "msg-42", _bot.Time.GetUtcNow());
    }

    public void Dispose() => _bot.Dispose();

    private ReadingList ReadingList => _bot.Get<ReadingList>();

    [Fact]
    public void Reaction_SaveEmojiAddedThenRemoved_SavesThenUnsavesThePostsPaper()
    {
        Assert.IsType<ConfirmationResult>(ReadingList.ApplyReaction(new(TestBot.General, "msg-42", TestBot.Bob, true, true, false)));
        Assert.Equal("2611.00001", Assert.Single(_bot.Store.ListSaved(TestBot.Bob)).ArxivId);

        Assert.IsType<ConfirmationResult>(ReadingList.ApplyReaction(new(TestBot.General, "msg-42", TestBot.Bob, false, true, false)));
        Assert.Empty(_bot.Store.ListSaved(TestBot.Bob));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Reaction_OtherEmojiOrTheBotsOwnHint_IsIgnored(bool isSave, bool byBot)
    {
        Assert.Null(ReadingList.ApplyReaction(new(TestBot.General, "msg-42", TestBot.Bob, true, isSave, byBot)));

        Assert.Empty(_bot.Store.ListSaved(TestBot.Bob));
    }

    [Fact]
    public void SaveButton_PostUnknown_FallsBackToThePaperTheButtonCarries()
    {
        Assert.IsType<ConfirmationResult>(ReadingList.SaveFromButton(TestBot.General, "not-ours", TestBot.Bob, "2611.00002"));
        Assert.IsType<ConfirmationResult>(ReadingList.SaveFromButton(null, null, TestBot.Alice, "2611.00002v3"));
        Assert.IsType<ConfirmationResult>(ReadingList.SaveFromButton(TestBot.General, "msg-42", TestBot.Alice, null));

        Assert.Equal(["2611.00002"], _bot.Store.ListSaved(TestBot.Bob).Select(s => s.ArxivId));
        Assert.Equal(["2611.00001", "2611.00002"], _bot.Store.ListSaved(TestBot.Alice).Select(s => s.ArxivId).Order());
        var error = Assert.IsType<ErrorResult>(ReadingList.SaveFromButton(null, null, TestBot.Bob, "not an id"));
        Assert.Contains("carries no paper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BotIsBack_ResumesOnlyAPausedChannel()
    {
        var lifecycle = _bot.Get<ChannelLifecycle>();
        _bot.Store.AddSubscription(TestBot.General, "agents", "test:alice", _bot.Time.GetUtcNow());
        Assert.False(lifecycle.BotIsBack(TestBot.General));

        _bot.Store.SetPaused(TestBot.General, "the bot was removed from the channel", _bot.Time.GetUtcNow());

        Assert.True(lifecycle.BotIsBack(TestBot.General));
        Assert.False(_bot.Store.FindChannel(TestBot.General)!.IsPaused);
    }

    [Fact]
    public void Suggestions_MatchIdOrQuery_AndOfferAllLast()
    {
        foreach (var query in new[] { "agents", "robots", "world model" })
        {
            _bot.Store.AddSubscription(TestBot.General, query, "test:alice", _bot.Time.GetUtcNow());
        }

        var suggestions = _bot.Get<SubscriptionSuggestions>();

        Assert.Equal(["1", "2", "3", "all"], suggestions.For(TestBot.General, "", 25).Select(s => s.Value));
        Assert.Equal(["3"], suggestions.For(TestBot.General, "wor", 25).Select(s => s.Value));
        Assert.Equal(["2"], suggestions.For(TestBot.General, "#2", 25).Select(s => s.Value));
        Assert.Equal(["1", "all"], suggestions.For(TestBot.General, "", 2).Select(s => s.Value));
        Assert.Equal("#3 world model", suggestions.For(TestBot.General, "3", 25)[0].Label);
    }
}
