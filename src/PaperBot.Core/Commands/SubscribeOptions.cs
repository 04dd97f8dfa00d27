using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Commands;

/// <summary><c>/papers subscribe</c>'s definition: the query and the options of a subscription.</summary>
public static class SubscribeOptions
{
    public static CommandOptionSpec Query { get; } =
        CommonOptions.Query("Words, \"phrases\", OR, -word, (groups), e.g. agents OR \"tool use\" -survey", required: true);

    public static CommandOptionSpec Digest { get; } =
        new("digest", OptionKind.Digest, "One daily digest instead of each paper: a time and zone, e.g. 09:00 Europe/Paris") { Placeholder = "HH:MM Area/City" };

    public static CommandOptionSpec MinUpvotes { get; } =
        new("min-upvotes", OptionKind.Integer, "Only papers with at least this many upvotes (posted once they reach it)") { Placeholder = "N", Min = 0, Max = 100_000 };

    public static CommandOptionSpec Backfill { get; } =
        new("backfill", OptionKind.Integer, "Also post up to this many recent matching papers now") { Placeholder = "N", Min = 0, Max = SubscribeArguments.MaxBackfill };

    public static CommandSpec Spec { get; } = new("subscribe", "Post new papers matching a query here, instantly or as a daily digest (channel managers)")
    {
        Options = [Query, Digest, MinUpvotes, Backfill],
        ManagesChannel = true,
        Example = new("subscribe", [new(Query, "\"world model\" OR robotics -survey"), new(MinUpvotes, "10")]),
    };
}
