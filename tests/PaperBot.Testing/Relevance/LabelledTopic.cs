namespace PaperBot.Testing.Relevance;

/// <summary>
/// One researcher's interest in a sentence (written without the words of its papers' titles), the keyword query
/// the same researcher would write at best (tuned on the papers' words), the first obvious one (written from the
/// interest alone), and the ids of the papers that are on topic.
/// </summary>
public sealed record LabelledTopic(string Name, string Interest, string KeywordQuery, string FirstKeywordQuery, IReadOnlyList<string> Relevant);
