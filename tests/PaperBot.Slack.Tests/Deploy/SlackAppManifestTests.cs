namespace PaperBot.Slack.Tests.Deploy;

/// <summary>deploy/slack-app-manifest.yaml must create an app that can do everything the adapter relies on.</summary>
public sealed class SlackAppManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(FindRoot(), "deploy", "slack-app-manifest.yaml"))
        .Select(l => (l.Contains('#', StringComparison.Ordinal) && !l.TrimStart().StartsWith("description", StringComparison.Ordinal) ? l[..l.IndexOf('#', StringComparison.Ordinal)] : l).TrimEnd())
        .ToArray();

    [Theory]
    [InlineData("commands")]
    [InlineData("chat:write")]
    [InlineData("reactions:write")]
    [InlineData("reactions:read")]
    [InlineData("channels:read")]
    [InlineData("groups:read")]
    [InlineData("im:write")]
    [InlineData("files:write")]
    [InlineData("users:read")]
    [InlineData("im:read")]
    public void Manifest_RequestsTheBotScope(string scope) => Assert.Contains($"      - {scope}", Lines);

    [Theory]
    [InlineData("reaction_added")]
    [InlineData("reaction_removed")]
    [InlineData("member_joined_channel")]
    [InlineData("channel_unarchive")]
    public void Manifest_SubscribesToTheEvent(string name) => Assert.Contains($"      - {name}", Lines);

    [Theory]
    [InlineData("    - command: /papers")]
    [InlineData("  socket_mode_enabled: true")]
    [InlineData("    is_enabled: true")]
    [InlineData("      should_escape: false")]
    public void Manifest_HasTheSetting(string line) => Assert.Contains(line, Lines);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaperBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaperBot.sln not found");
    }
}
