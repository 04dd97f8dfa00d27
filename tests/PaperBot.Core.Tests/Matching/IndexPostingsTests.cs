using PaperBot.Core.Matching;
using PaperBot.Core.Query;
using PaperBot.Core.Tests.Query;

namespace PaperBot.Core.Tests.Matching;

public sealed class IndexPostingsTests
{
    [Theory]
    // AND: filed under one required term, the rarer-looking one (not the common "model").
    [InlineData("model agents", "Stem:agent Name:agents")]
    [InlineData("\"large language model\" planning", "Stem:plan Name:planning")]
    // A phrase is filed under one of its words; an unprefixed word also under its name spelling.
    [InlineData("\"world model\"", "Stem:world Name:world")]
    [InlineData("title:\"world model\"", "Stem:world")]
    [InlineData("author:\"ana silva\"", "Name:silva")]
    [InlineData("org:openai", "Name:openai")]
    // OR: every alternative needs its own anchor.
    [InlineData("title:agents OR author:silva", "Stem:agent Name:silva")]
    // Exclusions and filters are no anchor; upvote floors are.
    [InlineData("title:agents -survey has:code upvotes<50", "Stem:agent")]
    [InlineData("upvotes>=50", "Upvotes:50")]
    [InlineData("upvotes>49 -survey", "Upvotes:50")]
    [InlineData("title:agents upvotes>=200", "Upvotes:200")]
    public void Of_Query_GivesAnchorsEveryMatchNeeds(string query, string expected)
    {
        var anchors = QueryAnchors.Of(TopicQuery.Parse(query).Root);

        Assert.NotNull(anchors);
        Assert.Equal(expected, string.Join(' ', anchors.Select(a => a.Kind == AnchorKind.Upvotes ? $"Upvotes:{a.Floor}" : $"{a.Kind}:{a.Word}")));
    }

    [Fact]
    public void Candidates_Paper_ListsOnlyQueriesSharingAnAnchorWithIt()
    {
        // p8: "CAFÉ: A Benchmark for Multilingual Agents", François Dubois, 11 upvotes.
        string[] texts = ["agents", "robotics", "author:dubois", "author:silva", "upvotes>=10", "upvotes>=100", "diffusion OR benchmark", "title:agents"];
        var postings = IndexPostings.Build([.. texts.Select(TopicQuery.Parse)]);
        var paper = SamplePapers.Texts[7];
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string word) => vocabulary.TryGetValue(word, out var id) ? id : vocabulary[word] = vocabulary.Count;
        var stems = postings.StemsById(Id, 100);
        var names = postings.NamesById(Id, 100);
        int[] Filed(int[]?[] lists, string word) => vocabulary.TryGetValue(word, out var id) ? lists[id] ?? [] : [];

        // The queries filed under the paper's words, its upvote floors, and those with no anchor.
        var candidates = paper.Stems.SelectMany(w => Filed(stems, w))
            .Concat(paper.Names.SelectMany(w => Filed(names, w)))
            .Concat(postings.Floors.ToArray().Select((floor, i) => (floor, i)).Where(f => f.floor <= paper.Upvotes).Select(f => postings.FloorQueries[f.i]))
            .Concat(postings.Unanchored)
            .Distinct();

        Assert.Equal(["agents", "author:dubois", "upvotes>=10", "diffusion OR benchmark", "title:agents"], candidates.Order().Select(i => texts[i]));
    }
}
