namespace PaperBot.Benchmarks;

/// <summary>
/// Writes subscription queries the way researchers do: a topic word or phrase, narrowed by a second term, an
/// OR of synonyms, an exclusion, a field prefix, an upvote threshold or has:code.
/// </summary>
internal sealed class QueryGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public string Next() => _random.Next(20) switch
    {
        < 4 => Term(),
        < 7 => $"{Term()} {Term()}",
        < 10 => $"{Term()} OR {Term()}" + (_random.Next(3) == 0 ? $" OR {Term()}" : ""),
        < 12 => $"{Term()} -{Pick(Vocabulary.Exclusions)}",
        12 => $"({Term()} OR {Term()}) NOT {Pick(Vocabulary.Exclusions)}",
        13 => $"title:{Word()}" + (_random.Next(2) == 0 ? $" {Term()}" : ""),
        14 => _random.Next(2) == 0
            ? $"author:\"{Pick(Vocabulary.FirstNames)} {Pick(Vocabulary.LastNames)}\""
            : $"author:{Pick(Vocabulary.LastNames)} {Term()}",
        15 => $"org:{Pick(Vocabulary.Organizations).Split(' ')[0]}" + (_random.Next(2) == 0 ? $" {Term()}" : ""),
        16 => $"keyword:\"{Pick(Vocabulary.Phrases)}\"",
        17 => $"{Term()} has:code" + (_random.Next(2) == 0 ? " -has:project" : ""),
        18 => $"{Term()} upvotes>={_random.Next(1, 30)}",
        _ => _random.Next(4) == 0 ? $"upvotes>={_random.Next(30, 200)}" : $"abstract:{Quoted(Pick(Vocabulary.Phrases))} upvotes<{_random.Next(50, 100)}",
    };

    private string Term() => _random.Next(3) == 0 ? Quoted(Pick(Vocabulary.Phrases)) : Word();

    private string Word() => Pick(Vocabulary.Topics);

    private static string Quoted(string phrase) => phrase.Contains(' ', StringComparison.Ordinal) ? $"\"{phrase}\"" : phrase;

    private string Pick(string[] words) => words[_random.Next(words.Length)];
}
