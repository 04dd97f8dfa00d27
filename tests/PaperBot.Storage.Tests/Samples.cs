using PaperBot.Core.Channels;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 9, 5, 8, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly Day = new(2025, 9, 4);

    public static readonly ChannelRef General = new("discord", "1000");

    public static readonly ChannelRef Research = new("slack", "C0RESEARCH");

    public static readonly UserRef Alice = new("discord", "42", "Alice");

    public static Paper Paper(string arxivId, DateOnly? listedOn = null, int upvotes = 0) => new()
    {
        ArxivId = arxivId,
        Title = $"Paper {arxivId}",
        ListedOn = listedOn ?? Day,
        Upvotes = upvotes,
    };

    public static Delivery Delivery(ChannelRef channel, string arxivId, DateTimeOffset? at = null) =>
        Core.Storage.Delivery.New(channel, arxivId, ["llm"], at ?? Now);

    public static PollState Polled(DateOnly day) => new(true, Now, day);
}
