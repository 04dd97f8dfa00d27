namespace PaperBot.Slack.SocketMode;

/// <summary>How one Socket Mode connection ended.</summary>
/// <param name="Greeted">Slack said hello, so the URL and token worked.</param>
/// <param name="DisconnectRequested">Slack sent <c>disconnect</c> (a planned refresh): reconnect at once.</param>
/// <param name="Problem">What went wrong, for the log; null for a requested disconnect.</param>
internal sealed record SessionEnd(bool Greeted, bool DisconnectRequested, string? Problem);
