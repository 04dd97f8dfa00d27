using System.Text.Json;
using PaperBot.Slack.Tests.Support;

namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>
/// Real Slack payloads the fuzzer mutates: every <c>/papers</c> subcommand as a form, every event PaperBot reads
/// (the save reaction added and removed on its posts, joins, unarchives, <c>url_verification</c>) and Save clicks.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>Channels the seeds use, so mutated payloads keep meeting each other's subscriptions and posts.</summary>
    public static readonly string[] Channels = [SlackPayloads.General, "C0FUZZTWO", "C0FUZZTHREE"];

    public static readonly string[] Users = [SlackPayloads.Alice, SlackPayloads.Bob, FakeSlack.BotUserId];

    /// <summary>Papers posted before the fuzz, paper i to channel i (one each: Slack posts are paced per channel); FakeSlack gives them these ts.</summary>
    public static readonly string[] PostedPapers = ["2511.00001", "2511.00002", "2511.00003"];

    public static readonly string[] PostedTs = ["1764000000.000001", "1764000000.000002", "1764000000.000003"];

    public const string ResponseUrlMarker = "@@RESPONSE-URL@@";

    /// <summary>Command texts as users type them, for every subcommand, with the query language's corners.</summary>
    public static readonly string[] CommandTexts =
    [
        "", "help", "subscribe agents", "subscribe agents OR \"tool use\" -survey", "subscribe \u201Cworld model\u201D OR (robot -survey)",
        "subscribe title:agents author:hinton org:deepmind", "subscribe abstract:\"long context\" keyword:rope upvotes:>=10",
        "subscribe has:code robotics --digest 09:00 Europe/Paris", "subscribe diffusion --backfill 2", "subscribe a &lt;b&gt; &amp;amp;",
        "subscribe (agents OR robots) NOT survey has:project", "subscriptions", "unsubscribe 1", "unsubscribe #2", "unsubscribe all",
        "pause", "resume", "today", "today agents --page 2", "search \"world model\" OR (robot -survey)", "search agents --page 1",
        "save 2511.00001", "save arXiv:2509.04664v2", "save https://arxiv.org/abs/2511.00002", "save hep-th/9901001", "unsave 2511.00001",
        "saved", "saved agents", "export bibtex", "export csv", "count 1", "frobnicate",
    ];

    /// <summary>The fields of a slash command form; <see cref="ResponseUrlMarker"/> stands for the fake's response URL.</summary>
    public static List<KeyValuePair<string, string>> CommandForm(Random random)
    {
        var fields = SlackPayloads.CommandFields(
            CommandTexts[random.Next(CommandTexts.Length)],
            $"fuzz-trigger-{random.Next(5000)}",
            ResponseUrlMarker,
            Channels[random.Next(Channels.Length)],
            Users[random.Next(2)]);
        return [.. fields];
    }

    public static IReadOnlyList<string> Events { get; } = BuildEvents();

    public static IReadOnlyList<string> Clicks { get; } = BuildClicks();

    private static List<string> BuildEvents()
    {
        var events = new List<string>
        {
            """{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""",
        };
        var n = 0;
        foreach (var type in new[] { "reaction_added", "reaction_removed" })
        {
            foreach (var user in Users)
            {
                for (var i = 0; i < PostedTs.Length; i++)
                {
                    events.Add(SlackPayloads.Reaction(type, $"EvSeed{n++}", user, Channels[i], PostedTs[i]));
                }

                events.Add(SlackPayloads.Reaction(type, $"EvSeed{n++}", user, Channels[0], "1700000000.000001"));
                events.Add(SlackPayloads.Reaction(type, $"EvSeed{n++}", user, Channels[0], PostedTs[0], reaction: "bookmark::skin-tone-2", itemUser: null));
                events.Add(SlackPayloads.Reaction(type, $"EvSeed{n++}", user, Channels[1], PostedTs[1], reaction: "tada"));
            }
        }

        foreach (var channel in Channels)
        {
            events.Add(Event($"EvJoin{n++}", new() { ["type"] = "member_joined_channel", ["user"] = FakeSlack.BotUserId, ["channel"] = channel, ["channel_type"] = "C" }));
            events.Add(Event($"EvJoin{n++}", new() { ["type"] = "member_joined_channel", ["user"] = SlackPayloads.Alice, ["channel"] = channel }));
            events.Add(Event($"EvUnarchive{n++}", new() { ["type"] = "channel_unarchive", ["channel"] = channel, ["user"] = SlackPayloads.Bob }));
        }

        events.Add(Event("EvOther", new() { ["type"] = "app_mention", ["user"] = SlackPayloads.Alice, ["text"] = "<@UPAPERBOT> hi", ["channel"] = SlackPayloads.General }));
        return events;
    }

    private static List<string> BuildClicks()
    {
        var clicks = new List<string>();
        var n = 0;
        foreach (var user in Users.Take(2))
        {
            for (var i = 0; i < PostedTs.Length; i++)
            {
                clicks.Add(SlackPayloads.SaveClick(user, Channels[i], PostedTs[i], PostedPapers[i], $"trig-seed-{n++}", ResponseUrlMarker));
            }

            // A Save button on a message PaperBot has no record of: the button's own value is saved.
            clicks.Add(SlackPayloads.SaveClick(user, Channels[1], "1700000000.000009", "2509.04664", $"trig-seed-{n++}", ResponseUrlMarker));
            clicks.Add(SlackPayloads.SaveClick(user, Channels[2], "1700000000.000010", "not an id", $"trig-seed-{n++}", ResponseUrlMarker));
        }

        return clicks;
    }

    private static string Event(string eventId, Dictionary<string, string> inner) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["token"] = "legacy",
        ["team_id"] = "T0TEAM",
        ["api_app_id"] = "A0PAPERBOT",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1764000000,
        ["event"] = inner,
    });
}
