namespace PaperBot.Core.Replicas;

/// <summary>What one heartbeat learnt.</summary>
/// <param name="Leads">This replica holds the leader lease (until the next beat at least).</param>
/// <param name="OutboxWaiting">Deliveries are owed in a channel no live replica holds (a new poll's, or a dead replica's).</param>
/// <param name="ChangedPapers">The papers written since the previous beat, by any replica.</param>
/// <param name="LiveReplicas">How many replicas (this one included) beat within one lease duration.</param>
public sealed record ReplicaBeat(bool Leads, bool OutboxWaiting, IReadOnlyList<string> ChangedPapers, int LiveReplicas);
