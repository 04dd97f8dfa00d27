namespace PaperBot.Slack.Blocks;

/// <summary>A Block Kit button: a link button (<see cref="Url"/>) or one that sends <see cref="Value"/> back.</summary>
internal sealed record SlackButton(SlackText Text, string ActionId, string? Url = null, string? Value = null, string? Style = null)
{
    public string Type => "button";
}
