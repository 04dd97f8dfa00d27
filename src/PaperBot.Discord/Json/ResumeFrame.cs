namespace PaperBot.Discord.Json;

/// <summary>op 6: continue a session after a reconnect.</summary>
internal sealed record ResumeFrame(ResumeData D)
{
    public int Op => 6;
}
