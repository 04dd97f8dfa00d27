using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>
/// Real interaction payloads, one of every kind PaperBot answers, that the fuzzer mutates: PING, every
/// <c>/papers</c> subcommand with its options (from members who may and may not manage the channel, and in a DM),
/// autocomplete and the Save button.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>Channels the seeds use, so mutated payloads keep meeting each other's subscriptions.</summary>
    public static readonly string[] Channels = [InteractionJson.ChannelId, "645027906669510668", "645027906669510669"];

    /// <summary>Only members who may not manage it talk here (unless a mutation grants them the permission).</summary>
    public const string RefusedChannel = "645027906669510670";

    public static readonly string[] Permissions = [InteractionJson.PlainMember, InteractionJson.ManageChannels, InteractionJson.Administrator, "2147483647"];

    public static IReadOnlyList<string> All { get; } = Build();

    private static List<string> Build()
    {
        var seeds = new List<string> { InteractionJson.Ping() };
        foreach (var channel in Channels)
        {
            foreach (var permissions in Permissions)
            {
                seeds.Add(InteractionJson.Command("subscribe", permissions, channel, ("query", "agents OR \"tool use\" -survey")));
                seeds.Add(InteractionJson.Command("subscribe", permissions, channel,
                    ("query", "robotics"), ("digest", "09:00 Europe/Paris"), ("min_upvotes", 10), ("backfill", 2)));
                seeds.Add(InteractionJson.Command("unsubscribe", permissions, channel, ("id", "1")));
                seeds.Add(InteractionJson.Command("unsubscribe", permissions, channel, ("id", "all")));
                seeds.Add(InteractionJson.Command("pause", permissions, channel));
                seeds.Add(InteractionJson.Command("resume", permissions, channel));
            }

            seeds.Add(InteractionJson.Command("subscriptions", channelId: channel));
        }

        foreach (var permissions in new[] { InteractionJson.PlainMember, "0", "1024", "2048" })
        {
            seeds.Add(InteractionJson.Command("subscribe", permissions, RefusedChannel, ("query", "agents")));
            seeds.Add(InteractionJson.Command("subscribe", permissions, RefusedChannel, ("query", "robots"), ("backfill", 5)));
            seeds.Add(InteractionJson.Command("resume", permissions, RefusedChannel));
        }

        seeds.AddRange(
        [
            InteractionJson.Command("today"),
            InteractionJson.Command("today", options: [("query", "agent"), ("page", 2)]),
            InteractionJson.Command("search", options: [("query", "\"world model\" OR (robot -survey)"), ("page", 1)]),
            InteractionJson.Command("save", options: ("arxiv_id", "2511.00001")),
            InteractionJson.Command("save", options: ("arxiv_id", "https://arxiv.org/abs/2509.04664v2")),
            InteractionJson.Command("unsave", options: ("arxiv_id", "2511.00001")),
            InteractionJson.Command("saved", options: ("query", "agents")),
            InteractionJson.Command("export", options: ("format", "bibtex")),
            InteractionJson.Command("export", options: ("format", "csv")),
            InteractionJson.Command("help"),
            InteractionJson.Command("subscriptions"),
            InteractionJson.DirectCommand("subscribe", ("query", "diffusion")),
            InteractionJson.DirectCommand("save", ("arxiv_id", "hep-th/9901001")),
            InteractionJson.Autocomplete(""),
            InteractionJson.Autocomplete("1"),
            InteractionJson.Autocomplete("#ag"),
            InteractionJson.Button("save:2511.00001", "1300000000000000001"),
            InteractionJson.Button("save:2509.04664", "999"),
            InteractionJson.Button("other:thing", "1300000000000000001"),
        ]);
        return seeds;
    }
}
