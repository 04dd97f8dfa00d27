using System.Text.RegularExpressions;
using PaperBot.Core.Listing;
using PaperBot.Core.Papers;
using PaperBot.HuggingFace.Tests.Support;
using PaperBot.Testing;

namespace PaperBot.HuggingFace.Tests.Parsing;

/// <summary>The saved, server-rendered Daily Papers page (data-props with 34 items, 32 distinct papers).</summary>
public sealed class DailyPapersPageTests
{
    private static readonly ParserHarness Harness = new();
    private static readonly ListingFetch.Listed Listing = Harness.ParseListed(ListingFixtures.Read(ListingFixtures.Page));

    private static Paper Get(string id) => Assert.Single(Listing.Papers, p => p.ArxivId == id);

    [Fact]
    public void Parse_DailyPapersPage_ReadsEveryDistinctPaper()
    {
        Assert.True(Listing.Papers.Count >= 30);
        Assert.Equal(32, Listing.Papers.Count);
    }

    [Fact]
    public void Parse_DailyPapersPage_DayComesFromDateString() => Assert.Equal(ListingFixtures.Day, Listing.Day);

    [Fact]
    public void Parse_DailyPapersPage_EveryPaperListedOnThePapersDay() =>
        Assert.All(Listing.Papers, p => Assert.Equal(ListingFixtures.Day, p.ListedOn));

    [Fact]
    public void Parse_FullItem_ReadsEveryField()
    {
        var paper = Get("2611.18342");

        Assert.Equal("Attention Isn't All You Need: <Think> Tokens & \"Quiet\" Reasoning in Small LMs", paper.Title);
        Assert.Equal(
            "Chain-of-thought prompting improves reasoning in large language models, but small language models (SLMs) rarely benefit from it. "
            + "We introduce <think> tokens & a \"quiet\" training objective that lets a 1.5B model reason in a latent scratchpad without emitting the rationale."
            + "\n\nOn GSM8K and MATH our model improves by 12.4 and 7.9 points over standard fine-tuning, while decoding 3.1x fewer tokens than explicit chain-of-thought. "
            + "Code and checkpoints are released.",
            paper.Abstract);
        Assert.Equal(["Élodie Marchand", "Kenji Watanabe", "王小明", "Priya Raghunathan", "Jonas Müller"], paper.Authors);
        Assert.Equal("Mila - Quebec AI Institute", paper.Organization);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 17, 59, 58, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(ListingFixtures.Day, paper.ListedOn);
        Assert.Equal(142, paper.Upvotes);
        Assert.Equal(9, paper.Comments);
        Assert.Equal("https://github.com/mila-slm/quiet-think", paper.GithubRepo);
        Assert.Equal(1873, paper.GithubStars);
        Assert.Equal("https://quiet-think.github.io", paper.ProjectPage);
        Assert.Equal(["chain-of-thought", "small language models", "<think> tokens", "latent reasoning"], paper.Keywords);
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.18342.png", paper.ThumbnailUrl);
    }

    [Fact]
    public void Parse_VersionedAndOldStyleIds_AreNormalised()
    {
        Assert.DoesNotContain(Listing.Papers, p => Regex.IsMatch(p.ArxivId, @"v\d+$"));
        Assert.Equal(142, Get("2611.18342").Upvotes);
        Assert.Equal("Holographic Renormalization Group Flows Revisited with Neural Operators", Get("hep-th/9901001").Title);
        Assert.All(Listing.Papers, p => Assert.True(ArxivId.TryNormalize(p.ArxivId, out var id) && id == p.ArxivId));
    }

    [Fact]
    public void Parse_DuplicateEntries_KeepsTheFirst()
    {
        var paper = Get("2611.17750");

        Assert.Equal(64, paper.Upvotes);
        Assert.Equal(Listing.Papers.Count, Listing.Papers.Select(p => p.ArxivId).Distinct().Count());
    }

    [Fact]
    public void Parse_ItemWithoutArxivId_IsSkippedWithAWarning()
    {
        Assert.DoesNotContain(Listing.Papers, p => p.Title == "Untitled Submission");
        Assert.Contains(Harness.Logs.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("submitted-by-mistake", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnicodeTitlesAndAuthors_ArePreserved()
    {
        Assert.Equal("🤗 SmolDistill: Hub-Scale Distillation of Tiny Models with 10⁹ Tokens 🚀", Get("2611.17520").Title);
        Assert.Contains("11 of 14 benchmarks 🎉 and run on a phone", Get("2611.17520").Abstract, StringComparison.Ordinal);
        Assert.Equal("JMMMU-Pro: 日本語マルチモーダル理解ベンチマーク for Expert-Level Evaluation", Get("2611.16904").Title);
        Assert.Equal(["佐藤 健太", "Yuki Tanaka", "鈴木 花子", "Takeshi Kojima"], Get("2611.16904").Authors);
        Assert.Equal(["Zoë Lefèvre", "José Ángel Núñez", "Søren Kierkegård", "François Côté"], Get("2611.17123").Authors);
        Assert.Equal("LongRoPE-Ω: Extending Context Windows to 4M Tokens without Fine-Tuning", Get("2611.17234").Title);
    }

    [Fact]
    public void Parse_LatexInTitleAndAbstract_IsKeptVerbatim()
    {
        var paper = Get("2611.18001");

        Assert.Equal(@"$\alpha$-Flow: Rectified Flows with $\mathcal{O}(\sqrt{T})$ Regret for Online Generative Modelling", paper.Title);
        Assert.Contains(@"a mixing weight $\alpha \in (0, 1]$ and achieves $\mathcal{O}(\sqrt{T})$ regret", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains(@"\textit{in-context} adaptation", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HardLineBreaks_AreFoldedAndParagraphsKept()
    {
        Assert.All(Listing.Papers, p =>
        {
            Assert.DoesNotContain("\r", p.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", p.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", p.Abstract.Replace("\n\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        });
        Assert.Equal(3, Get("2611.17001").Abstract.Split("\n\n").Length);
    }

    [Fact]
    public void Parse_CrLfAbstractWrappedAtAHyphen_IsRejoined() =>
        Assert.Equal(
            "Code agents repair their own mistakes only when the feedback they get is grounded in execution. We train a "
            + "state-of-the-art self-correcting agent on 40k repository tasks with execution traces as feedback, reaching "
            + "58.1% on SWE-bench Verified.\n\nAll traces and the evaluation harness are public.",
            Get("2611.16720").Abstract);

    [Fact]
    public void Parse_SummaryOrTitleOnOneLevelOnly_FallsBackToTheOther()
    {
        Assert.StartsWith("Reward models latch onto spurious features", Get("2611.15678").Abstract, StringComparison.Ordinal);
        Assert.StartsWith("Video reasoning models often answer correctly", Get("2611.15999").Abstract, StringComparison.Ordinal);
        Assert.Equal("MedVLM-Audit: Auditing Vision-Language Models for Clinical Shortcut Learning", Get("2611.16010").Title);
    }

    [Fact]
    public void Parse_MissingOptionalFields_AreNullOrEmpty()
    {
        var paper = Get("2611.16333");

        Assert.Null(paper.Organization);
        Assert.Null(paper.GithubRepo);
        Assert.Null(paper.GithubStars);
        Assert.Null(paper.ProjectPage);
        Assert.Null(paper.ThumbnailUrl);
        Assert.Empty(paper.Keywords);
        Assert.Equal(0, paper.Comments);
        Assert.Equal(7, paper.Upvotes);
        Assert.Equal(["Tom Becker"], paper.Authors);
    }

    [Fact]
    public void Parse_FieldsOfTheWrongType_AreToleratedOrSkipped()
    {
        var paper = Get("2611.16457");

        Assert.Equal(57, paper.Upvotes);
        Assert.Equal(3, paper.Comments);
        Assert.Null(paper.GithubStars);
        Assert.Equal(["Marta Kowalska", "Piotr Zieliński"], paper.Authors);
        Assert.Equal(["diffusion", "video generation"], paper.Keywords);
    }
}
