namespace PaperBot.Core.Channels;

/// <summary>A chat channel on one platform (<c>console</c>, <c>discord</c>, <c>slack</c>).</summary>
public sealed record ChannelRef(string Platform, string Id)
{
    /// <summary>Stable key, unique across platforms: <c>platform:id</c>.</summary>
    public string Key => $"{Platform}:{Id}";

    public override string ToString() => Key;
}
