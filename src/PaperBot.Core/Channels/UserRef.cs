namespace PaperBot.Core.Channels;

/// <summary>A user on one platform. The display name is for rendering only and never part of identity.</summary>
public sealed record UserRef(string Platform, string Id, string? DisplayName = null)
{
    public string Key => $"{Platform}:{Id}";

    public bool Equals(UserRef? other) => other is not null && other.Platform == Platform && other.Id == Id;

    public override int GetHashCode() => HashCode.Combine(Platform, Id);

    public override string ToString() => Key;
}
