namespace PaperBot.Core.Query;

/// <summary>One lexical token; <see cref="Text"/> is the raw word or the text between a phrase's quotes.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, int Column, string Text, QueryError? Error = null, int Number = 0);
