namespace PaperBot.Core.Publishing;

/// <summary>What a delivery posts to a channel: one paper (<see cref="PaperPosted"/>) or a digest (<see cref="DigestPost"/>).</summary>
public abstract record DeliveryMessage
{
    private protected DeliveryMessage()
    {
    }
}
