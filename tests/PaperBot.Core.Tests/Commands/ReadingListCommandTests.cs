using PaperBot.Core.Commands;
using PaperBot.Core.Saving;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class ReadingListCommandTests : IDisposable
{
    private readonly TestBot _bot = new();

    public ReadingListCommandTests() =>
        _bot.Store.RecordPoll([TestPapers.Make("2611.00001", "Agents at scale")], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("2611.00001")]
    [InlineData("2611.00001v3")]
    [InlineData("arXiv:2611.00001")]
    [InlineData("https://arxiv.org/abs/2611.00001v2")]
    [InlineData("https://huggingface.co/papers/2611.00001")]
    public async Task Save_AnyFormOfTheId_SavesTheVersionlessId(string id)
    {
        var confirmation = await _bot.RunAsync<ConfirmationResult>($"/papers save {id}");

        Assert.Contains("\"Agents at scale\"", confirmation.Message);
        Assert.Equal("2611.00001", Assert.Single(_bot.Store.ListSaved(TestBot.Alice)).ArxivId);
    }

    [Theory]
    [InlineData("/papers save", "Which paper")]
    [InlineData("/papers save not-an-id", "is not an arXiv id")]
    [InlineData("/papers unsave 12345", "is not an arXiv id")]
    public async Task Save_BadId_ExplainsTheFormat(string command, string expected)
    {
        var error = await _bot.RunAsync<ErrorResult>(command);

        Assert.Contains(expected, error.Message);
        Assert.Contains("2509.04664", error.Hint);
        Assert.Empty(_bot.Store.ListSaved(TestBot.Alice));
    }

    [Fact]
    public async Task Save_Twice_SaysAlreadySavedAndKeepsOne()
    {
        await _bot.RunAsync("/papers save 2611.00001");
        var second = await _bot.RunAsync<ConfirmationResult>("/papers save 2611.00001");

        Assert.Contains("already on your reading list", second.Message);
        Assert.Single(_bot.Store.ListSaved(TestBot.Alice));
    }

    [Fact]
    public async Task Save_UnknownPaper_SavedByIdAndListedWithoutTitle()
    {
        await _bot.RunAsync("/papers save hep-th/9901001v1");

        var saved = await _bot.RunAsync<SavedListResult>("/papers saved");

        var entry = Assert.Single(saved.Entries);
        Assert.Equal("hep-th/9901001", entry.Saved.ArxivId);
        Assert.Null(entry.Paper);
    }

    [Fact]
    public async Task Saved_IsPrivateAndPerUser()
    {
        await _bot.RunAsync("/papers save 2611.00001", user: TestBot.Alice);

        var bobs = await _bot.RunAsync<SavedListResult>("/papers saved", user: TestBot.Bob);
        var alices = await _bot.RunAsync<SavedListResult>("/papers saved", user: TestBot.Alice);

        Assert.Empty(bobs.Entries);
        Assert.Equal("Agents at scale", Assert.Single(alices.Entries).Paper?.Title);
        Assert.True(alices.Private);
    }

    [Fact]
    public async Task Unsave_SavedPaper_RemovesIt()
    {
        await _bot.RunAsync("/papers save 2611.00001");

        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers unsave 2611.00001v2");
        var again = await _bot.RunAsync<ConfirmationResult>("/papers unsave 2611.00001");

        Assert.Contains("Removed", confirmation.Message);
        Assert.Contains("was not on your reading list", again.Message);
        Assert.Empty(_bot.Store.ListSaved(TestBot.Alice));
    }

    [Fact]
    public void SaveFromPost_MessagePaperBotPosted_SavesItsPaperForTheReactingUser()
    {
        var delivery = Delivery.New(TestBot.General, "2611.00001", ["agents"], _bot.Time.GetUtcNow());
        _bot.Store.RecordPoll([], [delivery], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        _bot.Store.MarkSent(delivery.Id, "msg-42", _bot.Time.GetUtcNow());
        var readingList = _bot.Get<ReadingList>();

        Assert.IsType<ConfirmationResult>(readingList.SaveFromPost(TestBot.General, "msg-42", TestBot.Bob));
        Assert.Equal("2611.00001", Assert.Single(_bot.Store.ListSaved(TestBot.Bob)).ArxivId);

        Assert.IsType<ConfirmationResult>(readingList.UnsaveFromPost(TestBot.General, "msg-42", TestBot.Bob));
        Assert.Empty(_bot.Store.ListSaved(TestBot.Bob));
    }

    [Fact]
    public void SaveFromPost_UnknownMessage_ErrorAndNothingSaved()
    {
        var result = _bot.Get<ReadingList>().SaveFromPost(TestBot.General, "not-ours", TestBot.Bob);

        Assert.IsType<ErrorResult>(result);
        Assert.Empty(_bot.Store.ListSaved(TestBot.Bob));
    }
}
