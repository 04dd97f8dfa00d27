namespace PaperBot.Core.Commands;

/// <summary>
/// What a remembered answer was computed from: the stored papers' version (<see cref="Storage.IPaperArchive.ChangeStamp"/>),
/// the search index's version and the calendar day (UTC day number) it was asked on.
/// </summary>
public readonly record struct AnswerStamp(long Papers, long Index, int Day);
