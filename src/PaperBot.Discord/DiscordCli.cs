namespace PaperBot.Discord;

/// <summary><c>paperbot discord &lt;command&gt;</c>: one-off Discord chores such as registering the slash commands.</summary>
public static class DiscordCli
{
    /// <summary>Runs the tool command in <paramref name="args"/> (after "discord") and returns the process exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        error.WriteLine("Usage: paperbot discord register-commands");
        return Task.FromResult(64);
    }
}
