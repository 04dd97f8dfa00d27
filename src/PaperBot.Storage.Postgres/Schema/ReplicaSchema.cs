namespace PaperBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 2: what several replicas on one database share. Lease times are the server's clock
/// (<c>clock_timestamp()</c>), so replicas never compare their own clocks. <c>paper_version</c> counts committed paper
/// writes, and each paper remembers the write that last changed it, so a replica that does not poll finds what changed.
/// </summary>
internal static class ReplicaSchema
{
    public const string Description = "replicas, the leader lease, channel leases, paper change versions";

    public const string Sql = """
        CREATE TABLE replicas (
            replica_id text COLLATE "C" PRIMARY KEY,
            host text NOT NULL,
            started_at timestamptz NOT NULL,
            heartbeat_at timestamptz NOT NULL);

        CREATE TABLE work_leases (
            name text COLLATE "C" PRIMARY KEY,
            holder text COLLATE "C" NOT NULL,
            until timestamptz NOT NULL);

        CREATE TABLE channel_leases (
            channel_key text COLLATE "C" PRIMARY KEY,
            holder text COLLATE "C" NOT NULL,
            until timestamptz NOT NULL);
        CREATE INDEX channel_leases_holder ON channel_leases (holder);

        CREATE TABLE paper_version (
            id integer PRIMARY KEY CHECK (id = 1),
            version bigint NOT NULL);
        INSERT INTO paper_version (id, version) VALUES (1, 0);

        ALTER TABLE papers ADD COLUMN changed_in bigint NOT NULL DEFAULT 0;
        CREATE INDEX papers_changed_in ON papers (changed_in);
        """;
}
