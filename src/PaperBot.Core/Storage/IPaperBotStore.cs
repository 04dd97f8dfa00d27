using PaperBot.Core.Semantic;

namespace PaperBot.Core.Storage;

/// <summary>
/// Every storage port at once: what a store provider (LiteDB, PostgreSQL) implements. The bot itself depends on the
/// single ports; tools that copy one store into another, and the store contract tests, hold a whole store.
/// </summary>
public interface IPaperBotStore
    : IPaperStore, IPaperArchive, IChannelStore, IReadingListStore, IDeliveryStore, IPollStore, IInboundEventLog, IOperatorStore,
        IEmbeddingStore, IDisposable;
