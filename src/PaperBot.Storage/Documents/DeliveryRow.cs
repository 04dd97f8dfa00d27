using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Documents;

/// <summary>
/// A <see cref="DeliveryDoc"/> as the BSON document LiteDB stores, changed field by field: marking a delivery in a
/// fan-out so skips mapping the whole row to a class and back (a third of the cost of each mark). The field names are
/// the mapper's (property names, <c>_id</c> for the id, absent when null), so the typed reads see the same row.
/// </summary>
internal static class DeliveryRow
{
    public static string Id(BsonDocument row) => row["_id"].AsString;

    public static string State(BsonDocument row) => row[nameof(DeliveryDoc.State)].AsString;

    public static bool IsOwed(BsonDocument row) => State(row) is nameof(DeliveryState.Pending) or nameof(DeliveryState.InFlight);

    public static bool IsDigest(BsonDocument row) =>
        row.TryGetValue(nameof(DeliveryDoc.Kind), out var kind) && kind.IsString && kind.AsString == nameof(DeliveryKind.Digest);

    public static string Text(BsonDocument row, string field) => row[field].AsString;

    public static void SetState(BsonDocument row, DeliveryState state) => row[nameof(DeliveryDoc.State)] = state.ToString();

    public static void CountAttempt(BsonDocument row) =>
        row[nameof(DeliveryDoc.Attempts)] = (row.TryGetValue(nameof(DeliveryDoc.Attempts), out var attempts) && attempts.IsNumber ? attempts.AsInt32 : 0) + 1;

    /// <summary>Sets a field, or removes it for null (the mapper stores no nulls).</summary>
    public static void Set(BsonDocument row, string field, BsonValue? value)
    {
        if (value is null || value.IsNull)
        {
            row.Remove(field);
        }
        else
        {
            row[field] = value;
        }
    }

    /// <summary>An <see cref="InstantDoc"/> as the mapper stores it.</summary>
    public static BsonDocument Instant(DateTimeOffset at) => new()
    {
        [nameof(InstantDoc.UtcTicks)] = at.UtcTicks,
        [nameof(InstantDoc.OffsetMinutes)] = (int)at.Offset.TotalMinutes,
    };

    public static BsonDocument? Instant(DateTimeOffset? at) => at is { } value ? Instant(value) : null;
}
