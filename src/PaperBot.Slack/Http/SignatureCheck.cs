namespace PaperBot.Slack.Http;

/// <summary>The verdict on a request's Slack signature.</summary>
internal enum SignatureCheck
{
    Valid,

    /// <summary>No signature or timestamp header, or one that is not in Slack's format.</summary>
    Unsigned,

    /// <summary>Signed more than five minutes from now: possibly a replay.</summary>
    Stale,

    /// <summary>The signature does not match the body and signing secret.</summary>
    Forged,
}
