namespace PaperBot.Discord.Json;

internal sealed record EmbedFooter(string Text);
