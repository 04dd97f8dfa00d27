using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.SocketMode;

/// <summary>The acknowledgement of an envelope, carrying the reply when the envelope accepts one.</summary>
internal sealed record SocketAck(string EnvelopeId, SlackMessage? Payload = null);
