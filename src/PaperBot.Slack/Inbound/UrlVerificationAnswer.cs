namespace PaperBot.Slack.Inbound;

/// <summary>The answer to Slack's <c>url_verification</c> check of the events URL.</summary>
internal sealed record UrlVerificationAnswer(string Challenge);
