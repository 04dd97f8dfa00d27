namespace PaperBot.Core.Replicas;

/// <summary>
/// Several PaperBot processes (replicas) sharing one store: each says it is alive, at most one leads (polls the listing,
/// plans digests, prunes), and each learns what the others changed. A store used by one process has no coordinator.
/// </summary>
public interface IReplicaCoordinator
{
    /// <summary>This process, as the other replicas see it.</summary>
    ReplicaIdentity Self { get; }

    /// <summary>How long a lease (the leader's, a channel's) lasts without renewal; a replica beats three times in it.</summary>
    TimeSpan LeaseDuration { get; }

    /// <summary>
    /// Says this replica is alive, renews the leases it holds, takes the leader lease when it is free or expired, and
    /// reports what changed since the previous beat.
    /// </summary>
    ReplicaBeat Beat();

    /// <summary>At a clean stop: gives up the leader lease and every channel lease, so another replica takes over at once.</summary>
    void Leave();

    /// <summary>Every replica that beat recently (alive or gone), the leader marked.</summary>
    IReadOnlyList<ReplicaStatus> Replicas();
}
