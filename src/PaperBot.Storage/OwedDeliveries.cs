using PaperBot.Core.Storage;
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

    private readonly Dictionary<string, DeliveryDoc> _rows = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="row"/> (as stored now) while it is owed; returns it.</summary>
    public DeliveryDoc Remember(DeliveryDoc row)
    {
        if (!IsOwed(row))
        {
            _rows.Remove(row.Id);
        }
        else if (_rows.Count < Capacity || _rows.ContainsKey(row.Id))
        {
            _rows[row.Id] = row;
        }

        return row;
    }

    public DeliveryDoc? Find(string deliveryId) => _rows.GetValueOrDefault(deliveryId);

    /// <summary>After <paramref name="row"/> was stored with a new state: kept while still owed, dropped once sent or failed.</summary>
    public void Settled(DeliveryDoc row) => Remember(row);

    public void Forget() => _rows.Clear();

    private static bool IsOwed(DeliveryDoc row) =>
        row.State is nameof(DeliveryState.Pending) or nameof(DeliveryState.InFlight);
}
