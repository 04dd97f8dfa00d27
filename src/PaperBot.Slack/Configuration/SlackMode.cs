namespace PaperBot.Slack.Configuration;

/// <summary>How Slack reaches PaperBot with commands, button clicks and reactions.</summary>
public enum SlackMode
{
    /// <summary>Socket Mode when <c>Slack:AppToken</c> is set, otherwise HTTP mode.</summary>
    Auto,

    /// <summary>PaperBot opens a WebSocket to Slack: no public URL needed. Needs <c>Slack:AppToken</c>.</summary>
    Socket,

    /// <summary>Slack POSTs to /slack/commands, /slack/events and /slack/interactivity. Needs <c>Slack:SigningSecret</c>.</summary>
    Http,
}
