namespace PaperBot.Core.Storage;

/// <summary>The outbox by state. <see cref="Owed"/> is what is still to be posted (pending or in doubt).</summary>
public sealed record OutboxCounts(int Pending, int InDoubt, int Failed)
{
    public int Owed => Pending + InDoubt;
}
