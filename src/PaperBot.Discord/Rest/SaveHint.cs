namespace PaperBot.Discord.Rest;

/// <summary>One save-hint reaction owed on a posted message; <paramref name="Attempt"/> counts from 1.</summary>
internal sealed record SaveHint(string ChannelId, string MessageId, int Attempt = 1);
