namespace PaperBot.Admin;

/// <summary>Settings of the <c>Admin</c> section: the operator page at <c>/admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public const int MinTokenLength = 16;

    /// <summary>
    /// When set, every <c>/admin</c> request needs it (Bearer header or the sign-in cookie); when empty, the page
    /// answers loopback clients only. Never logged or shown.
    /// </summary>
    public string? Token { get; set; }

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);
}
