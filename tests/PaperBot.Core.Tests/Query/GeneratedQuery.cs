using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Query;

/// <summary>A randomly built query with the answer it should give, worked out independently of the parser.</summary>
/// <param name="Shape">What the outermost node is, so callers know when parentheses are needed.</param>
/// <param name="NeedsWord">False when the query only excludes words, which the parser must refuse.</param>
internal sealed record GeneratedQuery(string Text, Func<Paper, bool> Expected, bool NeedsWord, GeneratedShape Shape);
