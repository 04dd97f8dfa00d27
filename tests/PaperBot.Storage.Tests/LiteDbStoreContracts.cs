namespace PaperBot.Storage.Tests;

// The store contract tests over the LiteDB store. One line each, so they share a file (the contracts are in <Name>.cs).
public sealed class LiteDbChannelStoreTests() : ChannelStoreTests(new LiteDbHarness());

public sealed class LiteDbConcurrencyTests() : ConcurrencyTests(new LiteDbHarness());

public sealed class LiteDbDeliveryStoreTests() : DeliveryStoreTests(new LiteDbHarness());

public sealed class LiteDbDigestAndOptionsStoreTests() : DigestAndOptionsStoreTests(new LiteDbHarness());

public sealed class LiteDbInboundEventLogTests() : InboundEventLogTests(new LiteDbHarness());

public sealed class LiteDbOperatorStoreTests() : OperatorStoreTests(new LiteDbHarness());

public sealed class LiteDbOutboxStateTests() : OutboxStateTests(new LiteDbHarness());

public sealed class LiteDbPaperStoreTests() : PaperStoreTests(new LiteDbHarness());

public sealed class LiteDbPollStoreTests() : PollStoreTests(new LiteDbHarness());

public sealed class LiteDbReadingListStoreTests() : ReadingListStoreTests(new LiteDbHarness());

public sealed class LiteDbEmbeddingStoreTests() : EmbeddingStoreTests(new LiteDbHarness());
