namespace PaperBot.Slack;

/// <summary>Registered only when the Slack adapter is on, so <c>MapSlackEndpoints</c> can tell.</summary>
internal sealed class SlackAdapterMarker;
