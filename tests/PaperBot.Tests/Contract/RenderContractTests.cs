using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Presentation;
using PaperBot.Core.Publishing;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Tests.Contract;

/// <summary>
/// Every command's result through all three renderers: the console, Discord and Slack show the same facts (paper ids in
/// order, counts, filters, subscription options, hints, the next page in each surface's own syntax).
/// </summary>
public sealed class RenderContractTests : IDisposable
{
    private readonly TestBot _bot = new();

    public RenderContractTests()
    {
        var papers = Enumerable.Range(1, 25)
            .Select(i => TestPapers.Make($"2611.{i:D5}", $"Agents study {i}", upvotes: i * 3, authors: [.. Enumerable.Range(1, i % 8).Select(a => $"Author{a}")]))
            .Append(TestPapers.Make("2611.00900", "Robots that grasp", upvotes: 7))
            .ToList();
        _bot.Store.RecordPoll(papers, [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
    }

    public static TheoryData<string> Surfaces => [.. SurfaceRenderers.All.Select(s => s.Name)];

    public void Dispose() => _bot.Dispose();

    private static Surface On(string name) => SurfaceRenderers.All.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task PaperLists_ShowTheSameIdsInOrder_TheRange_AndTheNextPageInTheSurfacesSyntax(string surface)
    {
        foreach (var command in new[] { "/papers today --page 2", "/papers search agents", "/papers today agents --page 3" })
        {
            var list = await _bot.RunAsync<PaperListResult>(command);
            var text = On(surface).Render(list);

            AssertInOrder(text, list.Papers.Select(p => p.ArxivId));
            Assert.Contains($"{list.FirstNumber}-{list.FirstNumber + list.Papers.Count - 1} of {list.Total}", text, StringComparison.Ordinal);
            Assert.Contains(list.Heading, text, StringComparison.Ordinal);
            if (list.More is { } more)
            {
                Assert.Contains(On(surface).Syntax.Write(more), text, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("More:", text, StringComparison.Ordinal);
            }

            Assert.All(list.Papers, p => Assert.Contains(PaperFacts.Byline(p), text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task SavedLists_ShowTheEntries_AndAnEmptyFilterSaysWhatDidNotMatch(string surface)
    {
        await _bot.RunAsync<ConfirmationResult>("/papers save 2611.00004");
        await _bot.RunAsync<ConfirmationResult>("/papers save 2611.00900");

        var all = await _bot.RunAsync<SavedListResult>("/papers saved");
        var none = await _bot.RunAsync<SavedListResult>("/papers saved zebrafish");
        var some = await _bot.RunAsync<SavedListResult>("/papers saved robots");

        var allText = On(surface).Render(all);
        AssertInOrder(allText, all.Entries.Select(e => e.Saved.ArxivId));
        Assert.Contains("Your reading list (2)", allText, StringComparison.Ordinal);
        Assert.Contains("No paper on your reading list matches zebrafish.", On(surface).Render(none), StringComparison.Ordinal);
        Assert.DoesNotContain("is empty", On(surface).Render(none), StringComparison.Ordinal);
        var someText = On(surface).Render(some);
        Assert.Contains("Your reading list, matching robots (1)", someText, StringComparison.Ordinal);
        Assert.Contains("2611.00900", someText, StringComparison.Ordinal);
        Assert.DoesNotContain("2611.00004", someText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Subscriptions_ShowEveryOneWithAllItsOptions_AndWhyPostingIsPaused(string surface)
    {
        await _bot.RunAsync<ConfirmationResult>("/papers subscribe agents --digest 08:15 Europe/Berlin --min-upvotes 12");
        await _bot.RunAsync<ConfirmationResult>("/papers subscribe robots");
        await _bot.RunAsync<ConfirmationResult>("/papers pause");

        var list = await _bot.RunAsync<SubscriptionListResult>("/papers subscriptions");
        var text = On(surface).Render(list);

        Assert.Contains("#1", text, StringComparison.Ordinal);
        Assert.Contains("agents", text, StringComparison.Ordinal);
        Assert.Contains("daily digest at 08:15 Europe/Berlin, from 12 upvotes", text, StringComparison.Ordinal);
        Assert.Contains("#2", text, StringComparison.Ordinal);
        Assert.Contains("instant", text, StringComparison.Ordinal);
        Assert.Contains("Posting to this channel is paused", text, StringComparison.Ordinal);
        Assert.Contains("This channel's subscriptions (2)", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task ErrorsAndConfirmations_ShowTheMessageAndItsHint(string surface)
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers today --page 9");
        var text = On(surface).Render(error);

        Assert.Contains(error.Message, text, StringComparison.Ordinal);
        Assert.Contains(error.Hint!, text, StringComparison.Ordinal);
        var confirmation = await _bot.RunAsync<ConfirmationResult>("/papers save 2611.00001");
        Assert.Contains(confirmation.Message, On(surface).Render(confirmation), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Help_ListsEveryCommandInTheSurfacesSyntax(string surface)
    {
        var help = await _bot.RunAsync<HelpResult>("/papers help");
        var text = On(surface).Render(help);

        Assert.All(help.Commands, c =>
        {
            Assert.Contains(On(surface).Syntax.Usage(c), text, StringComparison.Ordinal);
            Assert.Contains(c.Description, text, StringComparison.Ordinal);
            if (c.Example is { } example)
            {
                Assert.Contains(On(surface).Syntax.Write(example), text, StringComparison.Ordinal);
            }
        });
        Assert.DoesNotContain(surface == "discord" ? "--" : "page:", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void PostedPaper_ShowsTitleBylineDateUpvotesAndTopics(string surface)
    {
        var paper = TestPapers.Make("2611.00777", "World models for robots", upvotes: 42, authors: [.. Enumerable.Range(1, 9).Select(i => $"Author{i}")])
            with { GithubRepo = "https://github.com/example/world-models" };
        var text = On(surface).Post(new PaperPosted(paper, ["robots", "world model"]));

        Assert.Contains(paper.Title, text, StringComparison.Ordinal);
        Assert.Contains(PaperFacts.Byline(paper), text, StringComparison.Ordinal);
        Assert.Contains("et al. (9 authors)", text, StringComparison.Ordinal);
        Assert.Contains(PaperFacts.Date(paper), text, StringComparison.Ordinal);
        Assert.Contains("42", text, StringComparison.Ordinal);
        Assert.Contains("robots; world model", text, StringComparison.Ordinal);
        Assert.Contains(paper.ArxivUrl, text, StringComparison.Ordinal);
        Assert.Contains("https://github.com/example/world-models", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Digest_ShowsItsHeadingAndEveryPaperInOrder(string surface)
    {
        var papers = Enumerable.Range(1, 12).Select(i => TestPapers.Make($"2611.{i:D5}", $"Digest paper {i}", upvotes: 100 - i)).ToList();
        var text = On(surface).Digest(new DigestPost("Daily digest for agents", papers));

        Assert.Contains("Daily digest for agents (1-12 of 12)", text, StringComparison.Ordinal);
        AssertInOrder(text, papers.Select(p => p.ArxivId));
        Assert.DoesNotContain("More:", text, StringComparison.Ordinal);
    }

    private static void AssertInOrder(string text, IEnumerable<string> ids)
    {
        var last = -1;
        foreach (var id in ids)
        {
            var at = text.IndexOf(id, last + 1, StringComparison.Ordinal);
            Assert.True(at > last, $"{id} is missing or out of order in:\n{text}");
            last = at;
        }
    }
}
