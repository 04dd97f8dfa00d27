namespace PaperBot.Storage.Tests.Postgres;

// The same store contract tests over the PostgreSQL store, each test on a fresh database of the shared throwaway cluster.
public sealed class PostgresChannelStoreTests() : ChannelStoreTests(new PostgresHarness());

public sealed class PostgresConcurrencyTests() : ConcurrencyTests(new PostgresHarness());

public sealed class PostgresDeliveryStoreTests() : DeliveryStoreTests(new PostgresHarness());

public sealed class PostgresDigestAndOptionsStoreTests() : DigestAndOptionsStoreTests(new PostgresHarness());

public sealed class PostgresInboundEventLogTests() : InboundEventLogTests(new PostgresHarness());

public sealed class PostgresOperatorStoreTests() : OperatorStoreTests(new PostgresHarness());

public sealed class PostgresOutboxStateTests() : OutboxStateTests(new PostgresHarness());

public sealed class PostgresPaperStoreTests() : PaperStoreTests(new PostgresHarness());

public sealed class PostgresPollStoreTests() : PollStoreTests(new PostgresHarness());

public sealed class PostgresReadingListStoreTests() : ReadingListStoreTests(new PostgresHarness());

public sealed class PostgresEmbeddingStoreTests() : EmbeddingStoreTests(new PostgresHarness());
