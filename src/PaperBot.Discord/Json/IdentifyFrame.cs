namespace PaperBot.Discord.Json;

/// <summary>op 2: a new session.</summary>
internal sealed record IdentifyFrame(IdentifyData D)
{
    public int Op => 2;
}
