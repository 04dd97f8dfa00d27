using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;
using PaperBot.Slack.Api;
using PaperBot.Slack.Blocks;
using PaperBot.Testing;
using PaperBot.Core.Publishing;

namespace PaperBot.Slack.Tests.Blocks;

public sealed class PaperBlocksTests
{
    private static Paper Huge() => TestPapers.Make("2509.04664", "A <Title> & " + new string('T', 900), abstractText:
        string.Join(' ', Enumerable.Range(0, 4000).Select(i => i % 7 == 0 ? "a<b&c" : "word" + i)) is var text ? text[..20_000] : "",
        authors: [.. Enumerable.Range(1, 300).Select(i => $"Author Number{i} <&>")]) with
    {
        GithubRepo = "https://github.com/example/" + new string('r', 2990),
        ProjectPage = "https://example.org/project",
        Organization = "Org & Co",
    };

    private static JsonElement Render(CommandResult result)
    {
        var message = ResultRenderer.Render(result);
        return JsonDocument.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage)).RootElement;
    }

    private static JsonElement Render(PaperPosted result)
    {
        var message = ResultRenderer.Render(result);
        return JsonDocument.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage)).RootElement;
    }

    [Fact]
    public void Card_HugeAbstractAndThreeHundredAuthors_StaysWithinEveryBlockKitLimit()
    {
        var paper = Huge();
        Assert.Equal(20_000, paper.Abstract.Length);
        var json = Render(new PaperPosted(paper, [.. Enumerable.Range(0, 60).Select(i => $"topic {i} OR \"long context\"")]));

        BlockKitLimits.AssertWithin(json);
        Assert.True(json.GetProperty("text").GetString()!.Length <= BlockLimits.FallbackText);
    }

    [Fact]
    public void Card_HugeAbstract_IsCutAtAWordBoundaryWithAnEllipsis()
    {
        var json = Render(new PaperPosted(Huge(), []));
        var text = json.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString()!;

        Assert.EndsWith("…", text, StringComparison.Ordinal);
        var lastWord = text[..^1].Split(' ')[^1];
        Assert.Matches("^(word\\d+|a&lt;b&amp;c)$", lastWord);
        Assert.True(text.Length > 2000, "the abstract should use most of the room it has");
    }

    [Fact]
    public void Card_TitleLinksToHuggingFaceAndIsEscaped()
    {
        var paper = TestPapers.Make("2509.04664", "Agents <that> plan & act");
        var title = Render(new PaperPosted(paper, [])).GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();

        Assert.Equal("*<https://huggingface.co/papers/2509.04664|Agents &lt;that&gt; plan &amp; act>*", title);
    }

    [Fact]
    public void Card_ContextLine_HasAuthorsUpvotesDateAndTopics()
    {
        var paper = TestPapers.Make("2509.04664", "T", upvotes: 42, authors: [.. Enumerable.Range(1, 12).Select(i => $"A{i}")]);
        var elements = Render(new PaperPosted(paper, ["agents"])).GetProperty("blocks")[2].GetProperty("elements")
            .EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();

        Assert.Equal(["A1, A2, A3, A4, A5 et al. (12 authors)", "▲ 42 upvotes", "Nov 22, 2026", "Matched: agents"], elements);
    }

    [Fact]
    public void Card_Buttons_LinkArxivPdfGithubProjectAndSaveTheArxivId()
    {
        var paper = TestPapers.Make("2509.04664", "T") with { GithubRepo = "https://github.com/a/b", ProjectPage = "javascript:alert(1)" };
        var buttons = Render(new PaperPosted(paper, [])).GetProperty("blocks")[3].GetProperty("elements").EnumerateArray().ToList();

        Assert.Equal(["arXiv", "PDF", "Code", "Save"], buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Equal("https://arxiv.org/abs/2509.04664", buttons[0].GetProperty("url").GetString());
        Assert.Equal("https://arxiv.org/pdf/2509.04664", buttons[1].GetProperty("url").GetString());
        Assert.Equal("https://github.com/a/b", buttons[2].GetProperty("url").GetString());
        Assert.Equal("paperbot_save", buttons[3].GetProperty("action_id").GetString());
        Assert.Equal("2509.04664", buttons[3].GetProperty("value").GetString());
        Assert.False(buttons[3].TryGetProperty("url", out _));
    }

    [Fact]
    public void Render_PrivateResultsAreEphemeralAndTodayIsInChannel()
    {
        Assert.Equal("ephemeral", Render(new ConfirmationResult("ok")).GetProperty("response_type").GetString());
        Assert.Equal("ephemeral", Render(new ErrorResult("no", "hint")).GetProperty("response_type").GetString());
        Assert.Equal("in_channel", Render(new PaperListResult("Daily Papers", [TestPapers.Make("2509.04664", "T")], 1, 1, null, null))
            .GetProperty("response_type").GetString());
    }

    [Fact]
    public void Render_LongListsStayWithinLimits()
    {
        var papers = Enumerable.Range(0, 10).Select(i => Huge() with { ArxivId = $"2509.{i:D5}" }).ToList();
        BlockKitLimits.AssertWithin(Render(new PaperListResult("Daily Papers", papers, 1, 400, "Notice " + new string('n', 5000),
            new CommandInvocation("today", [new(CommonOptions.Query("q", false), new string('q', 3000)), new(CommonOptions.Page, "2")]))));

        var saved = Enumerable.Range(0, 2000)
            .Select(i => new SavedEntry(new(new("slack", "U1"), $"2509.{i:D5}", DateTimeOffset.UnixEpoch), i % 2 == 0 ? Huge() : null))
            .ToList();
        var json = Render(new SavedListResult(saved));
        BlockKitLimits.AssertWithin(json);
        Assert.Contains("more on your list", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SavedListFilteredToNothing_SaysNothingMatchesNotThatTheListIsEmpty()
    {
        var json = Render(new SavedListResult([]) { Filter = "zebrafish" }).GetRawText();

        Assert.Contains("No paper on your reading list matches zebrafish.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("empty", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Subscriptions_ShowEachOnesOptions()
    {
        var channel = new Core.Channels.ChannelRef("slack", "C1");
        Core.Channels.Subscription[] subscriptions =
        [
            new(3, channel, "agents", "slack:U1", DateTimeOffset.UnixEpoch)
            {
                Options = Core.Channels.SubscriptionOptions.Default with
                {
                    Mode = Core.Channels.SubscriptionMode.Digest, DigestAt = new TimeOnly(9, 0), TimeZone = "Europe/Paris", MinUpvotes = 5,
                },
            },
            new(4, channel, "robots", "slack:U1", DateTimeOffset.UnixEpoch),
        ];

        var json = Render(new SubscriptionListResult(channel, subscriptions, null));
        var text = string.Join("\n", json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("text", out _)).Select(b => b.GetProperty("text").GetProperty("text").GetString()));

        Assert.Contains("`#3`  agents  (daily digest at 09:00 Europe/Paris, from 5 upvotes)", text, StringComparison.Ordinal);
        Assert.Contains("`#4`  robots  (instant)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongExport_ShowsItsStartInACodeBlockAndSaysItWasCut()
    {
        var content = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 500).Select(i => $"@article{{p{i}, title = {{A & B <{i}>}}}}")));
        var json = Render(new FileResult("paperbot-saved.bib", "application/x-bibtex", content, "Your reading list as BibTeX (500 papers)"));

        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        BlockKitLimits.AssertWithin(json);
        var code = json.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith("```@article{p0, title = {A &amp; B &lt;0&gt;}}", code, StringComparison.Ordinal);
        Assert.Contains("longer than one Slack message", json.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain words here", 100, "plain words here")]
    [InlineData("one two three four", 12, "one two…")]
    [InlineData("a&b a&b a&b", 10, "a&amp;b…")]
    [InlineData("<<<<<<", 7, "&lt;…")]
    public void EscapeAndCut_FitsTheEscapedTextAtAWordBoundary(string raw, int limit, string expected)
    {
        var cut = Mrkdwn.EscapeAndCut(raw, limit);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= limit);
    }
}
