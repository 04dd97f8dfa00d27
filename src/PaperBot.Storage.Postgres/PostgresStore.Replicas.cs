using PaperBot.Core.Replicas;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// Replicas on one database: a heartbeat row per process, one leader lease row (<c>work_leases</c>), and the paper
/// version every beat reads to learn what other replicas wrote. Lease times are the server's clock.
/// </summary>
public sealed partial class PostgresStore : IReplicaCoordinator
{
    private const string LeaderLease = "leader";

    // Replicas that stopped beating are shown as gone for this long, then forgotten.
    private static readonly TimeSpan ForgetGone = TimeSpan.FromHours(1);

    private const string HeartbeatSql = "INSERT INTO replicas (replica_id, host, started_at, heartbeat_at) VALUES ($1, $2, $3, clock_timestamp()) "
        + "ON CONFLICT (replica_id) DO UPDATE SET heartbeat_at = clock_timestamp()";

    private const string TakeLeaderSql = "INSERT INTO work_leases (name, holder, until) VALUES ($1, $2, clock_timestamp() + $3) "
        + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until "
        + "WHERE work_leases.holder = excluded.holder OR work_leases.until < clock_timestamp() RETURNING holder";

    private const string ReplicasSql = """
        SELECT r.replica_id, r.host, r.started_at, r.heartbeat_at, r.heartbeat_at > clock_timestamp() - $1, w.holder IS NOT NULL
        FROM replicas r LEFT JOIN work_leases w ON w.name = $2 AND w.holder = r.replica_id AND w.until > clock_timestamp()
        ORDER BY r.started_at, r.replica_id
        """;

    private PostgresReplica? _replica;

    private PostgresReplica Replica => _replica ?? throw new InvalidOperationException("This PostgreSQL store was not opened as a replica.");

    public ReplicaIdentity Self => Replica.Identity;

    public TimeSpan LeaseDuration => Replica.LeaseDuration;

    public ReplicaBeat Beat()
    {
        var (me, lease) = (Replica.Identity, Replica.LeaseDuration);
        var (leads, waiting, live) = Write((c, t) =>
        {
            Execute(c, t, HeartbeatSql, me.Id, me.Host, me.StartedAt.ToUniversalTime());
            Execute(c, t, "DELETE FROM replicas WHERE heartbeat_at < clock_timestamp() - $1", ForgetGone);
            RenewChannelLeases(c, t, me.Id, lease);
            var leads = Query(c, t, r => r.GetString(0), TakeLeaderSql, LeaderLease, me.Id, lease).Count == 1;
            return (leads, OutboxWaiting(c, t, me.Id), (int)LiveReplicas(c, t, lease));
        });

        return new ReplicaBeat(leads, waiting, ReadPaperChanges(), live);
    }

    private static long LiveReplicas(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, TimeSpan lease) =>
        Scalar(connection, transaction, "SELECT count(*) FROM replicas WHERE heartbeat_at > clock_timestamp() - $1", lease);

    public void Leave()
    {
        var me = Replica.Identity.Id;
        Write((c, t) =>
        {
            Execute(c, t, "DELETE FROM work_leases WHERE holder = $1", me);
            Execute(c, t, "DELETE FROM channel_leases WHERE holder = $1", me);
            Execute(c, t, "DELETE FROM replicas WHERE replica_id = $1", me);
        });
    }

    public IReadOnlyList<ReplicaStatus> Replicas() => Query(
        r => new ReplicaStatus(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3),
            r.GetBoolean(4), r.GetBoolean(5)),
        ReplicasSql, Replica.LeaseDuration, LeaderLease);
}
