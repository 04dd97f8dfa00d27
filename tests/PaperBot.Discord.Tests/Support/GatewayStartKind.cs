namespace PaperBot.Discord.Tests.Support;

/// <summary>How a client started a session on the fake Gateway.</summary>
internal enum GatewayStartKind
{
    Identify,
    Resume,
}
