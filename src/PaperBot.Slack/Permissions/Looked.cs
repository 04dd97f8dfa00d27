namespace PaperBot.Slack.Permissions;

/// <summary>What a Slack lookup found, or (with <see cref="Problem"/>) why it could not find out.</summary>
internal sealed record Looked<T>(T? Value, string? Problem) where T : notnull
{
    public static Looked<T> Of(T value) => new(value, null);

    public static Looked<T> Failed(string problem) => new(default, problem);
}
