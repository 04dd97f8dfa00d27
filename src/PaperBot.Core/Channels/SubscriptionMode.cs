namespace PaperBot.Core.Channels;

public enum SubscriptionMode
{
    /// <summary>Each matching paper is posted as soon as it is listed.</summary>
    Instant,

    /// <summary>Matching papers are collected and posted as one message a day.</summary>
    Digest,
}
