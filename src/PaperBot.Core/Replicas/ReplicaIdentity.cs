namespace PaperBot.Core.Replicas;

/// <summary>One PaperBot process among the replicas: a unique id, the machine it runs on, when it started.</summary>
public sealed record ReplicaIdentity(string Id, string Host, DateTimeOffset StartedAt)
{
    /// <summary>This process: the host name, the process id and a random suffix (a restarted container often reuses both).</summary>
    public static ReplicaIdentity ForThisProcess(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var host = Environment.MachineName;
        return new ReplicaIdentity($"{host}-{Environment.ProcessId}-{Random.Shared.Next(0x1000, 0xFFFF):x4}", host, time.GetUtcNow());
    }
}
