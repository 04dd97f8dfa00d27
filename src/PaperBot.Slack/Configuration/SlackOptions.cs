namespace PaperBot.Slack.Configuration;

/// <summary>Settings of the <c>Slack</c> configuration section. The adapter is on when <see cref="BotToken"/> is set.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api";

    public const string DefaultSaveReaction = "bookmark";

    /// <summary>The bot user OAuth token (<c>xoxb-...</c>) used for every Web API call. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>An app-level token (<c>xapp-...</c>) with <c>connections:write</c>, for Socket Mode. Never logged.</summary>
    public string? AppToken { get; set; }

    /// <summary>The app's signing secret, which verifies HTTP-mode requests. Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><see cref="SlackMode.Auto"/> picks Socket Mode when an app token is set.</summary>
    public SlackMode Mode { get; set; } = SlackMode.Auto;

    /// <summary>The Web API base URL; only tests and proxies change it.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The emoji name (without colons) that saves a posted paper when a user reacts with it.</summary>
    public string SaveReaction { get; set; } = DefaultSaveReaction;

    /// <summary>
    /// Slack user ids (<c>U...</c>), separated by commas or spaces, who may change any channel's subscriptions and pause
    /// it, besides workspace admins and owners and each channel's creator.
    /// </summary>
    public string ManagerUserIds { get; set; } = "";

    /// <summary>Lets every channel member subscribe, unsubscribe, pause and resume (PaperBot's behaviour before managers).</summary>
    public bool AnyoneCanManage { get; set; }

    /// <summary><see cref="ManagerUserIds"/> as a set.</summary>
    public IReadOnlySet<string> Managers =>
        ManagerUserIds.Split([',', ' ', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The mode in effect once <see cref="SlackMode.Auto"/> is resolved.</summary>
    public SlackMode EffectiveMode => Mode switch
    {
        SlackMode.Auto => string.IsNullOrWhiteSpace(AppToken) ? SlackMode.Http : SlackMode.Socket,
        _ => Mode,
    };

    /// <summary>The HTTP endpoints answer whenever a signing secret is set, whichever mode is in effect.</summary>
    public bool HttpEndpointsEnabled => !string.IsNullOrWhiteSpace(SigningSecret);
}
