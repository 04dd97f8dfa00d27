namespace PaperBot.Storage.Postgres.Schema;

/// <summary>
/// The schema, as the list of migrations that build it. Never edit a released migration: add the next one.
/// Instants are kept as UTC ticks plus the offset in minutes (as the LiteDB store keeps them), because
/// <c>timestamptz</c> holds microseconds and no offset, and a store gives back exactly what it was given.
/// Keys that are compared and ordered ordinally (ids, channel and user keys) use the "C" collation.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "papers, channels, subscriptions, reading lists, inbound events, deliveries, posts, poll state, embeddings", """
            CREATE TABLE papers (
                arxiv_id text COLLATE "C" PRIMARY KEY,
                title text NOT NULL,
                abstract text NOT NULL,
                authors text[] NOT NULL,
                organization text,
                published_ticks bigint,
                published_offset integer,
                listed_on date NOT NULL,
                day_source text NOT NULL,
                upvotes integer NOT NULL,
                comments integer NOT NULL,
                github_repo text,
                github_stars integer,
                project_page text,
                keywords text[] NOT NULL,
                thumbnail_url text,
                first_seen_ticks bigint,
                first_seen_offset integer);
            CREATE INDEX papers_listed_on ON papers (listed_on);
            CREATE INDEX papers_first_seen ON papers (first_seen_ticks);

            CREATE TABLE channels (
                channel_key text COLLATE "C" PRIMARY KEY,
                platform text NOT NULL,
                channel_id text NOT NULL,
                paused_reason text,
                paused_ticks bigint,
                paused_offset integer);
            CREATE INDEX channels_paused ON channels (channel_key) WHERE paused_reason IS NOT NULL;

            -- Users quote subscription ids; a sequence never hands one out twice, not even after the newest is removed.
            CREATE SEQUENCE subscription_ids AS integer;
            CREATE TABLE subscriptions (
                id integer PRIMARY KEY,
                channel_key text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                channel_id text NOT NULL,
                query text NOT NULL,
                created_by text NOT NULL,
                created_ticks bigint NOT NULL,
                created_offset integer NOT NULL,
                mode text NOT NULL,
                digest_at_minutes integer NOT NULL,
                time_zone text NOT NULL,
                min_upvotes integer,
                covered_ticks bigint,
                covered_offset integer);
            CREATE INDEX subscriptions_channel ON subscriptions (channel_key, id);

            CREATE TABLE saved (
                user_key text COLLATE "C" NOT NULL,
                arxiv_id text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                user_id text NOT NULL,
                saved_ticks bigint NOT NULL,
                saved_offset integer NOT NULL,
                PRIMARY KEY (user_key, arxiv_id));
            CREATE INDEX saved_user_recent ON saved (user_key, saved_ticks DESC);

            CREATE TABLE inbound_events (
                event_key text COLLATE "C" PRIMARY KEY,
                at_ticks bigint NOT NULL,
                at_offset integer NOT NULL);
            CREATE INDEX inbound_events_at ON inbound_events (at_ticks);

            CREATE TABLE deliveries (
                id text COLLATE "C" PRIMARY KEY,
                channel_key text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                channel_id text NOT NULL,
                arxiv_id text NOT NULL,
                topics text[] NOT NULL,
                state text NOT NULL,
                attempts integer NOT NULL,
                last_error text,
                message_id text,
                created_ticks bigint NOT NULL,
                created_offset integer NOT NULL,
                sent_ticks bigint,
                sent_offset integer,
                kind text NOT NULL,
                digest_papers text[] NOT NULL,
                heading text,
                next_attempt_ticks bigint,
                next_attempt_offset integer);
            CREATE INDEX deliveries_owed ON deliveries (created_ticks, id) WHERE state IN ('Pending', 'InFlight');
            CREATE INDEX deliveries_state ON deliveries (state, created_ticks DESC);
            CREATE INDEX deliveries_sent ON deliveries (sent_ticks DESC) WHERE sent_ticks IS NOT NULL;
            CREATE INDEX deliveries_channel ON deliveries (channel_key, created_ticks);

            CREATE TABLE posts (
                channel_key text COLLATE "C" NOT NULL,
                message_id text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                channel_id text NOT NULL,
                arxiv_id text NOT NULL,
                posted_ticks bigint NOT NULL,
                posted_offset integer NOT NULL,
                PRIMARY KEY (channel_key, message_id));

            CREATE TABLE poll_state (
                id integer PRIMARY KEY CHECK (id = 1),
                initialized boolean NOT NULL,
                last_success_ticks bigint,
                last_success_offset integer,
                last_listed_day date,
                etag text,
                last_modified_ticks bigint,
                last_modified_offset integer,
                recheck_from date);

            CREATE TABLE embeddings (
                arxiv_id text COLLATE "C" PRIMARY KEY,
                model text NOT NULL,
                vector real[] NOT NULL);
            CREATE INDEX embeddings_model ON embeddings (model, arxiv_id);
            """),
        new(2, "Discord Gateway shard leases, live shard owners and identify turns", """
            -- Replicas that take part in sharing the shards, each live until it misses its heartbeats for a lease.
            CREATE TABLE shard_members (
                owner text COLLATE "C" PRIMARY KEY,
                until_ticks bigint NOT NULL);

            -- Who connects which shard (of a given shard count) until when; a lease that ran out may be claimed by anyone.
            CREATE TABLE shard_leases (
                shard_count integer NOT NULL,
                shard_id integer NOT NULL,
                owner text COLLATE "C" NOT NULL,
                until_ticks bigint NOT NULL,
                PRIMARY KEY (shard_count, shard_id));
            CREATE INDEX shard_leases_owner ON shard_leases (owner);

            -- The next free identify time of each identify bucket (shard_id % max_concurrency), shared by every replica.
            CREATE TABLE shard_starts (
                bucket integer PRIMARY KEY,
                next_ticks bigint NOT NULL);
            """),
        new(3, "rate budgets the replicas share (Discord's global limit)", """
            CREATE TABLE rate_budgets (
                name text COLLATE "C" PRIMARY KEY,
                next_at timestamptz NOT NULL,
                held_until timestamptz);
            """),
        new(4, ReplicaSchema.Description, ReplicaSchema.Sql),
    ];

    public static int CurrentVersion => All[^1].Version;
}
