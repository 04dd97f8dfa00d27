namespace PaperBot.Discord.Gateway;

/// <summary>What a resume needs: the session, where to resume it and the last sequence number seen.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; set; }

    public string? ResumeUrl { get; set; }

    public long? Sequence { get; set; }

    /// <summary>The bot's own user id (from READY), so its own reactions are ignored.</summary>
    public string? BotUserId { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null && Sequence is not null;

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
