using LiteDB;
using PaperBot.Core.Listing;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Documents;

/// <summary>The single poll-state row of the <c>meta</c> collection.</summary>
internal sealed class PollStateDoc
{
    public const string Key = "poll";

    [BsonId(false)]
    public string Id { get; set; } = Key;

    public bool Initialized { get; set; }

    public InstantDoc? LastSuccessAt { get; set; }

    public int? LastListedDay { get; set; }

    public string? ETag { get; set; }

    public InstantDoc? LastModified { get; set; }

    public int? RecheckFrom { get; set; }

    public static PollStateDoc From(PollState state) => new()
    {
        Initialized = state.Initialized,
        LastSuccessAt = InstantDoc.From(state.LastSuccessAt),
        LastListedDay = state.LastListedDay?.DayNumber,
        ETag = state.Validators?.ETag,
        LastModified = InstantDoc.From(state.Validators?.LastModified),
        RecheckFrom = state.RecheckFrom?.DayNumber,
    };

    public PollState ToPollState() => new(
        Initialized,
        LastSuccessAt?.ToDateTimeOffset(),
        LastListedDay is { } day ? DateOnly.FromDayNumber(day) : null,
        ETag is null && LastModified is null ? null : new ListingValidators(ETag, LastModified?.ToDateTimeOffset()),
        RecheckFrom is { } recheck ? DateOnly.FromDayNumber(recheck) : null);
}
