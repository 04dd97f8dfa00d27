using System.Text;
using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rendering;
using PaperBot.Testing;
using PaperBot.Core.Publishing;

namespace PaperBot.Discord.Tests.Rendering;

public sealed class EmbedLimitTests
{
    private static readonly PaperMessageBuilder Builder = new("🔖");

    private static readonly string OddUnicode =
        "👩🏽‍🔬 e\u0301\u0301\u0301 مرحبا بالعالم \u202Eevil\u202C 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u0000\u0007 \u200B zero-width 🇺🇳 ";

    public static TheoryData<string, Paper> HugePapers => new()
    {
        { "20,000-character abstract", TestPapers.Make("2511.00001", "Long", abstractText: Words(20_000)) },
        { "300 authors", TestPapers.Make("2511.00002", "Big team", authors: [.. Enumerable.Range(1, 300).Select(i => $"Author Number {i} von Somewhere-Long-Family-Name")]) },
        { "odd Unicode everywhere", TestPapers.Make("2511.00003", string.Concat(Enumerable.Repeat(OddUnicode, 30)), abstractText: string.Concat(Enumerable.Repeat(OddUnicode, 600)),
            authors: [.. Enumerable.Repeat(OddUnicode, 40)]) with { Organization = OddUnicode } },
        { "one giant word", TestPapers.Make("2511.00004", new string('x', 5000), abstractText: new string('y', 20_000)) },
        { "emoji straddling every cut", TestPapers.Make("2511.00005", string.Concat(Enumerable.Repeat("🧪", 400)), abstractText: string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 3000))) },
        { "blank title and abstract", TestPapers.Make("2511.00006", "   ", abstractText: "\n\n", authors: []) },
        { "everything at once", TestPapers.Make("2511.00007", Words(1000), abstractText: Words(20_000), authors: [.. Enumerable.Range(1, 300).Select(i => Words(300))]) with
            { Organization = Words(500), GithubRepo = "https://github.com/" + new string('a', 600), ProjectPage = "javascript:alert(1)" } },
    };

    [Theory]
    [MemberData(nameof(HugePapers))]
    public void PaperEmbed_AnyPaper_FitsEveryDiscordLimit(string scenario, Paper paper)
    {
        var message = Builder.Build(new PaperPosted(paper, [Words(3000), "agents"]), "nonce");

        var embed = Assert.Single(message.Embeds!);
        Assert.True(embed.Title!.Length is > 0 and <= EmbedLimits.Title, scenario);
        Assert.True(embed.Description!.Length is > 0 and <= EmbedLimits.Description, scenario);
        Assert.True(embed.Fields!.Count <= EmbedLimits.Fields, scenario);
        Assert.All(embed.Fields, f => Assert.True(f.Name.Length is > 0 and <= EmbedLimits.FieldName && f.Value.Length is > 0 and <= EmbedLimits.FieldValue, scenario));
        Assert.True(embed.Footer!.Text.Length <= EmbedLimits.Footer, scenario);
        var total = embed.Title.Length + embed.Description.Length + embed.Footer.Text.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length);
        Assert.True(total <= EmbedLimits.Total, $"{scenario}: {total} characters");
        var row = Assert.Single(message.Components!);
        Assert.True(row.Components!.Count <= EmbedLimits.ButtonsPerRow);
        Assert.All(row.Components, b => Assert.True(b.Url is null || (b.Url.Length <= EmbedLimits.ButtonUrl && b.Url.StartsWith("https://", StringComparison.Ordinal))));
        AssertWellFormed(embed.Title, embed.Description, embed.Footer.Text, string.Concat(embed.Fields.Select(f => f.Value)));
    }

    [Fact]
    public void PaperEmbed_LongAbstract_CutAtWordBoundaryWithEllipsis()
    {
        var paper = TestPapers.Make("2511.00001", "Long", abstractText: Words(20_000));

        var description = Builder.Embed(new PaperPosted(paper, [])).Description!;

        Assert.EndsWith("…", description);
        var lastWord = description[..^1].Split(' ')[^1];
        Assert.Matches("^word[0-9]+$", lastWord);
        Assert.Contains(" " + lastWord + " ", paper.Abstract);
    }

    [Fact]
    public void PaperEmbed_ManyAuthors_FirstFiveThenEtAl()
    {
        var paper = TestPapers.Make("2511.00002", "Big team", authors: [.. Enumerable.Range(1, 300).Select(i => $"Author {i}")]);

        var authors = Builder.Embed(new PaperPosted(paper, [])).Fields![0].Value;

        Assert.Equal("Author 1, Author 2, Author 3, Author 4, Author 5 et al. (300 authors)", authors);
    }

    [Fact]
    public void PaperEmbed_MarkdownAndMentionsInText_EscapedAndUnpingable()
    {
        var paper = TestPapers.Make("2511.00008", "@everyone look", abstractText: "We use *stars*, _under_ and `ticks` <@123> @here.");

        var message = Builder.Build(new PaperPosted(paper, []));

        Assert.Equal(@"We use \*stars\*, \_under\_ and \`ticks\` \<@123\> @here.", message.Embeds![0].Description);
        Assert.Empty(message.AllowedMentions!.Parse);
        var json = JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json);
    }

    [Fact]
    public void PaperMessage_Buttons_LinksAndSaveWithArxivId()
    {
        var paper = TestPapers.Make("2511.00009", "Code too") with { GithubRepo = "https://github.com/org/repo", ProjectPage = "https://example.org/p" };

        var buttons = Builder.Build(new PaperPosted(paper, [])).Components![0].Components!;

        Assert.Equal(["arXiv", "PDF", "Code", "Project page", "Save"], buttons.Select(b => b.Label));
        Assert.Equal("https://arxiv.org/pdf/2511.00009", buttons[1].Url);
        Assert.Equal("save:2511.00009", buttons[^1].CustomId);
        Assert.Equal("🔖", buttons[^1].Emoji!.Name);
        Assert.All(buttons.SkipLast(1), b => Assert.Equal(Component.LinkStyle, b.Style));
    }

    [Fact]
    public void TextFit_CutInsideSurrogatePairOrCluster_KeepsWholeCharacters()
    {
        var family = "👨‍👩‍👧‍👦";
        var text = string.Concat(Enumerable.Repeat(family, 10));

        for (var max = 2; max < text.Length; max++)
        {
            var cut = TextFit.Fit(text, max);
            Assert.True(cut.Length <= max);
            Assert.Equal(0, (cut.Length - 1) % family.Length);
        }
    }

    [Fact]
    public void ResultRenderer_HugeReadingList_FitsAndSaysHowManyMore()
    {
        var renderer = new ResultRenderer();
        var entries = Enumerable.Range(1, 400).Select(i => new SavedEntry(
            new Core.Channels.SavedPaper(new("discord", "1"), $"2511.{i:00000}", DateTimeOffset.UnixEpoch),
            TestPapers.Make($"2511.{i:00000}", Words(300)))).ToList();

        var message = renderer.Render(new SavedListResult(entries));

        var description = message.Embeds![0].Description!;
        Assert.True(description.Length <= EmbedLimits.Description);
        Assert.Matches(@"…and \d+ more$", description);
        Assert.Equal(MessagePayload.Ephemeral, message.Flags);
    }

    private static void AssertWellFormed(params string[] texts)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var text in texts)
        {
            strict.GetByteCount(text);
            Assert.DoesNotContain('\u0000', text);
            Assert.False(text.EndsWith('\\') && !text.EndsWith(@"\\", StringComparison.Ordinal));
        }
    }

    private static string Words(int length)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append("word").Append(i).Append(' ');
        }

        return text.ToString(0, length);
    }
}
