using PaperBot.Core.Replicas;

namespace PaperBot.Storage.Postgres;

/// <summary>A store opened as one replica among several: who this process is, and how long its leases last.</summary>
public sealed record PostgresReplica(ReplicaIdentity Identity, TimeSpan LeaseDuration);
