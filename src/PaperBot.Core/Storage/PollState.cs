namespace PaperBot.Core.Storage;

/// <summary>
/// What the poller remembers between runs. <see cref="Initialized"/> is false until the first successful
/// poll, which records everything listed as seen and posts nothing (no flood on install).
/// </summary>
public sealed record PollState(bool Initialized, DateTimeOffset? LastSuccessAt, DateOnly? LastListedDay)
{
    public static PollState Empty { get; } = new(false, null, null);
}
