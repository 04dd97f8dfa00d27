namespace PaperBot.Storage.Documents;

/// <summary>
/// A <see cref="DateTimeOffset"/> as LiteDB can keep it exactly. BSON dates hold milliseconds and no offset,
/// so the instant is stored as UTC ticks (sortable) with the offset beside it.
/// </summary>
internal sealed class InstantDoc
{
    public long UtcTicks { get; set; }

    public int OffsetMinutes { get; set; }

    public static InstantDoc From(DateTimeOffset value) =>
        new() { UtcTicks = value.UtcTicks, OffsetMinutes = (int)value.Offset.TotalMinutes };

    public static InstantDoc? From(DateTimeOffset? value) => value is { } v ? From(v) : null;

    public DateTimeOffset ToDateTimeOffset() =>
        new DateTimeOffset(UtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes));
}
