namespace PaperBot.Core.Storage;

public enum DeliveryKind
{
    /// <summary>One paper, posted on its own.</summary>
    Paper,

    /// <summary>A daily digest: several papers in one message.</summary>
    Digest,
}
