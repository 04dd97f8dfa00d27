namespace PaperBot.Core.Query;

/// <summary>Thrown by <see cref="TopicQuery.Parse"/> for a malformed query; <see cref="Error"/> says where and why.</summary>
public sealed class QueryParseException : FormatException
{
    public QueryParseException(QueryError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public QueryError Error { get; }
}
