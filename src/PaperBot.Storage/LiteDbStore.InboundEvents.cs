using PaperBot.Storage.Documents;

namespace PaperBot.Storage;

public sealed partial class LiteDbStore
{
    public bool TryRecord(string key, DateTimeOffset at) => Write(() =>
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (_inboundEvents.FindById(key) is not null)
        {
            return false;
        }

        _inboundEvents.Insert(new InboundEventDoc { Id = key, At = InstantDoc.From(at) });
        return true;
    });

    public int Prune(DateTimeOffset before)
    {
        var ticks = before.UtcTicks;
        return Write(() => _inboundEvents.DeleteMany(x => x.At.UtcTicks < ticks));
    }
}
