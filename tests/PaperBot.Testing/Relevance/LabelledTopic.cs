namespace PaperBot.Testing.Relevance;

/// <summary>
/// One researcher's interest in a sentence (written without the words of its papers' titles), the keyword query
/// the same researcher would write at best, and the ids of the papers that are on topic.
/// </summary>
public sealed record LabelledTopic(string Name, string Interest, string KeywordQuery, IReadOnlyList<string> Relevant);
