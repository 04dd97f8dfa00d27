namespace PaperBot.Discord.Rest;

/// <summary>
/// One REST request: <paramref name="Path"/> relative to the API base, the rate-limit key of its route (the
/// route template plus its top-level resource) and that <paramref name="Resource"/> (channel, guild, webhook),
/// which routes in the same Discord bucket share. Interaction webhooks are neither authorized with the bot
/// token nor counted in the global limit. A <paramref name="Spare"/> request (a save-hint reaction) takes the global
/// limit's spare capacity only: it waits while any other request is waiting for the global limit.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Path, string LimitKey, string Resource, bool UsesBotToken = true, bool Spare = false)
{
    public bool GlobalLimited => UsesBotToken;

    public override string ToString() => $"{Method} {LimitKey}";
}
