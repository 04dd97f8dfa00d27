namespace PaperBot.Discord;

/// <summary>Settings of the <c>Discord</c> configuration section. The adapter is on only when <see cref="BotToken"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    public const string DefaultSaveEmoji = "🔖";

    public static readonly TimeSpan MaxDeferAfter = TimeSpan.FromSeconds(2);

    /// <summary>The application's id (Developer Portal, General Information).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key as 64 hex digits (Developer Portal, General Information).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The bot's token (Developer Portal, Bot). Never logged.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Register the commands to this guild only (applies at once) instead of globally.</summary>
    public string? GuildId { get; set; }

    public DiscordGatewayOptions Gateway { get; set; } = new();

    /// <summary>The reaction that saves a posted paper (a Unicode emoji).</summary>
    public string SaveEmoji { get; set; } = DefaultSaveEmoji;

    /// <summary>
    /// How long a command may run before its answer is deferred (Discord allows 3 s for the first answer).
    /// 00:00:00 defers every command.
    /// </summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1);
}
