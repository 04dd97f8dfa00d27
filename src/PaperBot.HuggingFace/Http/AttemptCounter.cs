namespace PaperBot.HuggingFace.Http;

/// <summary>Counts the attempts the retry pipeline made for one fetch, for the operator-readable reason.</summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("PaperBot.HuggingFace.Attempts");

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
