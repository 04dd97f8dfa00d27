namespace PaperBot.Testing;

/// <summary>
/// One create-message request the fake Discord received: the channel, the nonce it carried, the message it
/// answered with, and whether that message already existed (a resend Discord's nonce check absorbed).
/// </summary>
public sealed record DiscordPost(int Number, string ChannelId, string? Nonce, bool EnforceNonce, string MessageId, bool Resend, DateTimeOffset At);
