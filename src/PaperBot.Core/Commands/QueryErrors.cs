using PaperBot.Core.Query;

namespace PaperBot.Core.Commands;

/// <summary>Turns a query's parse error into an answer that shows where the problem is.</summary>
internal static class QueryErrors
{
    public static ErrorResult Describe(string queryText, QueryError error)
    {
        var pointer = error.Column >= 1 && error.Column <= queryText.Length + 1
            ? $"\n  {queryText}\n  {new string(' ', error.Column - 1)}^"
            : "";
        return new ErrorResult($"That query has a problem at column {error.Column}: {error.Message}{pointer}",
            "Queries are words, \"quoted phrases\", OR, -word or NOT word, and (parentheses); see /papers help.");
    }
}
