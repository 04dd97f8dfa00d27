using System.Globalization;
using System.Text;
using PaperBot.Core.Papers;

namespace PaperBot.Benchmarks;

/// <summary>Builds listing-like papers: a titled topic mix, a 150-250 word abstract, authors, keywords, upvotes.</summary>
internal sealed class PaperGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public List<Paper> Generate(int count) => [.. Enumerable.Range(0, count).Select(Paper)];

    private Paper Paper(int index)
    {
        var topics = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Pick(Vocabulary.Topics)).ToArray();
        var phrases = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(Vocabulary.Phrases)).ToArray();
        var title = $"{Capitalise(phrases[0])} for {Capitalise(topics[0])} {Capitalise(topics[1])}";
        return new Paper
        {
            ArxivId = string.Create(CultureInfo.InvariantCulture, $"2511.{index:D5}"),
            Title = title,
            Abstract = Abstract(topics, phrases),
            Authors = [.. Enumerable.Range(0, _random.Next(2, 9)).Select(_ => $"{Pick(Vocabulary.FirstNames)} {Pick(Vocabulary.LastNames)}")],
            Organization = _random.Next(3) == 0 ? null : Pick(Vocabulary.Organizations),
            Keywords = [.. phrases, .. topics.Take(2)],
            // Upvotes are heavy-tailed: most papers get a handful, a few get hundreds.
            Upvotes = (int)Math.Min(600, Math.Pow(_random.NextDouble(), 3) * 300),
            GithubRepo = _random.Next(2) == 0 ? "https://github.com/example/repo" : null,
            ProjectPage = _random.Next(3) == 0 ? "https://example.github.io/" : null,
            ListedOn = new DateOnly(2025, 11, 25),
        };
    }

    private string Abstract(string[] topics, string[] phrases)
    {
        var text = new StringBuilder();
        var words = _random.Next(150, 250);
        for (var i = 0; i < words; i++)
        {
            // The paper's own topics recur among the connecting words, as in real abstracts.
            var roll = _random.Next(40);
            text.Append(roll switch
            {
                < 2 => Pick(topics),
                < 4 => Pick(phrases),
                _ => Pick(Vocabulary.Filler),
            });
            text.Append(i % 18 == 17 ? ". " : " ");
        }

        return text.ToString();
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private static string Capitalise(string words) => string.Join(' ', words.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
