using LiteDB;
using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

/// <summary>
/// The stored rows of the deliveries still owed (pending or in flight), kept by <see cref="LiteDbStore"/> so that
/// marking one in flight, sent or failed updates the row it already holds instead of querying it first: a fan-out
/// marks every delivery twice, and the query cost as much as the update. Only the store's own writes change the
/// deliveries (it holds the file's lock), so a remembered row is the stored one, except after a write that rolled
/// back, which may have changed rows before it threw: then everything is forgotten and read again. Not thread-safe:
/// used under the store's lock.
/// </summary>
internal sealed class OwedDeliveries
{
    /// <summary>A backlog beyond this is read from the file as before; only memory is bounded by it.</summary>
    private const int Capacity = 50_000;

    private readonly Dictionary<string, BsonDocument> _rows = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="row"/> (as stored now) while it is owed, drops it once sent or failed; returns it.</summary>
    public BsonDocument Remember(BsonDocument row)
    {
        var id = DeliveryRow.Id(row);
        if (!DeliveryRow.IsOwed(row))
        {
            _rows.Remove(id);
        }
        else if (_rows.Count < Capacity || _rows.ContainsKey(id))
        {
            _rows[id] = row;
        }

        return row;
    }

    public BsonDocument? Find(string deliveryId) => _rows.GetValueOrDefault(deliveryId);

    /// <summary>Drops one row (changed by a write that keeps no row), so the next write reads it from the file.</summary>
    public void Forget(string deliveryId) => _rows.Remove(deliveryId);

    public void Forget() => _rows.Clear();
}
