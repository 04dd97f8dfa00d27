namespace PaperBot.Core.Query;

/// <summary>Why a topic query was refused: the 1-based column it points at and what to fix there.</summary>
public sealed record QueryError(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}
