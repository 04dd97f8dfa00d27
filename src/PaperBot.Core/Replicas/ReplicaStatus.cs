namespace PaperBot.Core.Replicas;

/// <summary>A replica as the store last heard of it.</summary>
/// <param name="Alive">It beat within one lease duration.</param>
/// <param name="Leads">It holds the leader lease: it polls the listing, plans digests and prunes.</param>
public sealed record ReplicaStatus(string Id, string Host, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, bool Alive, bool Leads);
