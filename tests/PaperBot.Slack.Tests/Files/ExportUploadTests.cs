using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Storage;
using PaperBot.Slack.Tests.Support;
using PaperBot.Testing;

using static PaperBot.Slack.Tests.Support.ReplyText;

namespace PaperBot.Slack.Tests.Files;

/// <summary>
/// <c>/papers export</c> end to end in both modes: the export goes to the caller's direct messages as a real file
/// (conversations.open, files.getUploadURLExternal, the bytes to the upload URL, files.completeUploadExternal), and
/// the slash command is answered ephemerally with where it went or what failed.
/// </summary>
public sealed class ExportUploadTests : IAsyncLifetime
{
    private static readonly string[] Steps = ["conversations.open", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"];

    private FakeSlack _slack = null!;
    private SlackBotHost? _bot;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _slack.DisposeAsync();
    }

    [Theory]
    [InlineData(false, "bibtex", "paperbot-saved-2026-11-24.bib")]
    [InlineData(false, "markdown", "paperbot-saved-2026-11-24.md")]
    [InlineData(true, "bibtex", "paperbot-saved-2026-11-24.bib")]
    [InlineData(true, "csv", "paperbot-saved-2026-11-24.csv")]
    public async Task Export_SavedPapers_UploadsTheExportToTheCallersDirectMessageInOrder(bool socketMode, string format, string fileName)
    {
        var bot = await StartAsync(socketMode);
        var expected = await ExpectedExportAsync(bot, format);

        var reply = await ExportAsync(bot, socketMode, $"export {format}");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Equal($"Sent you {fileName} in a direct message.", reply.GetProperty("text").GetString());
        Assert.Contains(expected.Summary, AllText(reply), StringComparison.Ordinal);
        Assert.Equal(Steps, _slack.Calls.Select(c => c.Method).Where(Steps.Contains));

        var open = Assert.Single(_slack.CallsTo("conversations.open"));
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", open.Authorization);
        Assert.Equal(SlackPayloads.Alice, open.Form["users"]);

        var reserve = Assert.Single(_slack.CallsTo("files.getUploadURLExternal"));
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", reserve.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", reserve.ContentType, StringComparison.Ordinal);
        Assert.Equal(fileName, reserve.Form["filename"]);
        Assert.Equal(expected.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reserve.Form["length"]);

        // The bytes go to the URL Slack handed out, without the bot token (the URL itself is the credential).
        var upload = Assert.Single(_slack.CallsTo("upload"));
        Assert.Equal(new Uri(_slack.UploadUrl("F0EXPORT1")).AbsolutePath, upload.Path);
        Assert.Equal(expected.Content, upload.Bytes);
        Assert.Empty(upload.Authorization ?? "");

        var complete = Assert.Single(_slack.CallsTo("files.completeUploadExternal"));
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", complete.Authorization);
        Assert.StartsWith("application/json", complete.ContentType, StringComparison.Ordinal);
        var file = Assert.Single(complete.Json.GetProperty("files").EnumerateArray());
        Assert.Equal("F0EXPORT1", file.GetProperty("id").GetString());
        Assert.Equal(fileName, file.GetProperty("title").GetString());
        Assert.Equal(FakeSlack.DirectChannelOf(SlackPayloads.Alice), complete.Json.GetProperty("channel_id").GetString());
        Assert.Equal(expected.Summary, complete.Json.GetProperty("initial_comment").GetString());

        Assert.Empty(_slack.CallsTo("chat.postMessage"));
        AssertNoSecretLogged(bot);
    }

    [Theory]
    [InlineData(false, "conversations.open", 200, """{"ok":false,"error":"missing_scope","needed":"im:write","provided":"commands,chat:write"}""", "lacks the im:write scope")]
    [InlineData(true, "conversations.open", 200, """{"ok":false,"error":"missing_scope","needed":"im:write","provided":"commands,chat:write"}""", "lacks the im:write scope")]
    [InlineData(false, "files.getUploadURLExternal", 200, """{"ok":false,"error":"missing_scope","needed":"files:write","provided":"commands,im:write"}""", "lacks the files:write scope")]
    [InlineData(true, "files.getUploadURLExternal", 200, """{"ok":false,"error":"file_uploads_disabled"}""", "does not let apps upload this file (file_uploads_disabled)")]
    [InlineData(false, "files.getUploadURLExternal", 429, """{"ok":false,"error":"ratelimited"}""", "rate-limiting PaperBot while reserving the upload")]
    [InlineData(false, "upload", 500, "upload service down", "uploading the file failed (HTTP 500")]
    [InlineData(true, "upload", 403, "expired", "uploading the file failed (HTTP 403")]
    [InlineData(false, "files.completeUploadExternal", 200, """{"ok":false,"error":"channel_not_found"}""", "Slack refused files.completeUploadExternal (channel_not_found)")]
    [InlineData(false, "files.completeUploadExternal", 200, """{"ok":false,"error":"invalid_auth"}""", "refuses PaperBot's bot token (invalid_auth)")]
    public async Task Export_StepFails_AnswersWhatFailedAndShowsTheExportInline(bool socketMode, string failing, int status, string body, string explanation)
    {
        var bot = await StartAsync(socketMode);
        _slack.Fail(failing, new FakeSlackReply(status, body));

        var reply = await ExportAsync(bot, socketMode, "export bibtex");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        var text = AllText(reply);
        Assert.Contains("Could not send you `paperbot-saved-2026-11-24.bib` as a file", text, StringComparison.Ordinal);
        Assert.Contains(explanation, text, StringComparison.Ordinal);
        Assert.Contains("Here it is inline instead", text, StringComparison.Ordinal);
        Assert.Contains("eprint", text, StringComparison.Ordinal);

        // Nothing after the failed step is attempted.
        var failedAt = Array.IndexOf(Steps, failing);
        Assert.Equal(Steps[..(failedAt + 1)], _slack.Calls.Select(c => c.Method).Where(Steps.Contains));
        Assert.Contains(bot.Logs.Lines, l => l.Level >= LogLevel.Warning && l.Category.EndsWith("SlackFileSender", StringComparison.Ordinal));
        AssertNoSecretLogged(bot);
    }

    [Fact]
    public async Task Export_MissingScope_TellsUserAndOperatorWhichScopesToAddAndToReinstall()
    {
        var bot = await StartAsync(socketMode: false);
        _slack.Fail("files.getUploadURLExternal", FakeSlackReply.Error("missing_scope"));

        var text = AllText(await ExportAsync(bot, socketMode: false, "export csv"));

        Assert.Contains("lacks the files:write scope, which files.getUploadURLExternal needs", text, StringComparison.Ordinal);
        Assert.Contains("files:write and im:write under OAuth & Permissions", text, StringComparison.Ordinal);
        Assert.Contains("reinstall the app", text, StringComparison.Ordinal);
        var error = Assert.Single(bot.Logs.At(LogLevel.Error));
        Assert.Contains("files:write and im:write", error, StringComparison.Ordinal);
        Assert.Contains("reinstall", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UploadUrlOffSlacksHosts_SendsNoBytesAndSaysSo()
    {
        var bot = await StartAsync(socketMode: false);
        _slack.Enqueue("files.getUploadURLExternal", new FakeSlackReply(200, """{"ok":true,"upload_url":"http://169.254.169.254/upload/v1/x","file_id":"F0X"}"""));

        var text = AllText(await ExportAsync(bot, socketMode: false, "export bibtex"));

        Assert.Contains("off its own hosts", text, StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("upload"));
        Assert.Empty(_slack.CallsTo("files.completeUploadExternal"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains("169.254.169.254", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_EmptyReadingList_AnswersTheErrorAndUploadsNothing()
    {
        var bot = await StartAsync(socketMode: false);

        var reply = await ExportAsync(bot, socketMode: false, "export bibtex", savePapers: false);

        Assert.Contains("nothing to export", AllText(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Calls, c => Steps.Contains(c.Method));
    }

    [Fact]
    public async Task Export_SlowUploadInHttpMode_IsAcknowledgedEmptyThenAnsweredThroughResponseUrl()
    {
        var bot = await StartAsync(socketMode: false);
        await SaveAsync(bot);
        var release = _slack.Hold("upload");

        var request = bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm("export bibtex", bot.NextTrigger(), _slack.ResponseUrl("export")));
        await _slack.WaitForCallsAsync("upload", 1);
        await bot.Time.WaitForTimerAsync(Slack.Inbound.SlackCommandRunner.AckBudget);
        bot.Time.Advance(Slack.Inbound.SlackCommandRunner.AckBudget);
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        release.SetResult();
        await _slack.WaitForCallsAsync("response/export", 1);
        var answer = Assert.Single(_slack.CallsTo("response/export")).Json;
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Equal("Sent you paperbot-saved-2026-11-24.bib in a direct message.", answer.GetProperty("text").GetString());
        Assert.Equal([.. Steps, "response/export"], _slack.Calls.Select(c => c.Method).Where(m => Steps.Contains(m) || m == "response/export"));
    }

    [Fact]
    public async Task Export_CommandDeliveredAgain_UploadsOnce()
    {
        var bot = await StartAsync(socketMode: true);
        await SaveAsync(bot);
        var payload = SlackPayloads.CommandJson("export markdown", "trig-export", _slack.ResponseUrl("export"));

        var first = await _slack.Socket.DeliverAsync("slash_commands", payload, acceptsResponsePayload: true);
        await _slack.Socket.WaitForAckAsync(first);
        var again = await _slack.Socket.DeliverAsync("slash_commands", payload, acceptsResponsePayload: true);
        await _slack.Socket.WaitForAckAsync(again);

        Assert.Single(_slack.CallsTo("files.completeUploadExternal"));
        Assert.Contains("in a direct message", AllText(Assert.Single(_slack.Socket.AcksOf(again)).GetProperty("payload")), StringComparison.Ordinal);
    }

    private async Task<SlackBotHost> StartAsync(bool socketMode)
    {
        _bot = await SlackBotHost.StartAsync(_slack, socketMode);
        if (socketMode)
        {
            await _slack.Socket.WaitForConnectionsAsync(1);
        }

        return _bot;
    }

    private static async Task SaveAsync(SlackBotHost bot)
    {
        var now = bot.Time.GetUtcNow();
        var paper = TestPapers.Make("2509.04664", "Agents & {planning}: 100% \"reasoning\"", upvotes: 12);
        bot.Store.RecordPoll([paper], [], new PollState(true, now, paper.ListedOn));
        bot.Store.Save(new UserRef("slack", SlackPayloads.Alice), "2509.04664", now);
        bot.Store.Save(new UserRef("slack", SlackPayloads.Alice), "2401.00001", now);
    }

    /// <summary>The export the command layer makes for Alice, which the upload must carry byte for byte.</summary>
    private static async Task<FileResult> ExpectedExportAsync(SlackBotHost bot, string format)
    {
        await SaveAsync(bot);
        var context = new CommandContext(new ChannelRef("slack", SlackPayloads.General), new UserRef("slack", SlackPayloads.Alice));
        return Assert.IsType<FileResult>(await bot.Get<CommandDispatcher>().ExecuteAsync(context, $"export {format}", CancellationToken.None));
    }

    private async Task<JsonElement> ExportAsync(SlackBotHost bot, bool socketMode, string text, bool savePapers = true)
    {
        if (savePapers && !bot.Store.ListSaved(new UserRef("slack", SlackPayloads.Alice)).Any())
        {
            await SaveAsync(bot);
        }

        if (socketMode)
        {
            var id = await _slack.Socket.DeliverAsync("slash_commands", SlackPayloads.CommandJson(text, bot.NextTrigger(), _slack.ResponseUrl("cmd")), acceptsResponsePayload: true);
            await _slack.Socket.WaitForAckAsync(id);
            return Assert.Single(_slack.Socket.AcksOf(id)).GetProperty("payload");
        }

        using var response = await bot.PostSignedAsync("/slack/commands", SlackPayloads.CommandForm(text, bot.NextTrigger(), _slack.ResponseUrl("cmd")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static void AssertNoSecretLogged(SlackBotHost bot) =>
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains(FakeSlack.UploadSecret, StringComparison.Ordinal)
            || l.Text.Contains(SlackBotHost.BotToken, StringComparison.Ordinal) || l.Text.Contains(SlackBotHost.AppToken, StringComparison.Ordinal));
}
