using System.Net;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// What <c>GET /gateway/bot</c> says (the address, the recommended shard count, the session start limit), asked once and
/// kept; asked again after a failure. A configured <c>Discord:Gateway:Url</c> replaces only the address.
/// </summary>
internal sealed class GatewayDirectory(DiscordRestClient rest, string? fixedUrl, int? shardCount, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GatewayBotInfo? _info;
    private bool _refused;

    /// <summary>The address to connect to; null when Discord refused the bot token (401).</summary>
    /// <exception cref="HttpRequestException">Discord could not be reached or gave no usable answer.</exception>
    public async Task<string?> UrlAsync(CancellationToken cancellationToken) =>
        fixedUrl ?? (await InfoAsync(cancellationToken).ConfigureAwait(false))?.Url;

    /// <summary>Discord's answer; null when the token was refused.</summary>
    /// <exception cref="HttpRequestException">Discord could not be reached or gave no usable answer.</exception>
    public async Task<GatewayBotInfo?> InfoAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_info is not null || _refused)
            {
                return _info;
            }

            var response = await rest.SendAsync(DiscordRoutes.GatewayBot(), cancellationToken).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Unauthorized)
            {
                _refused = true;
                return null;
            }

            _info = response.IsSuccess && response.TryRead(DiscordJsonContext.Default.GatewayBotInfo) is { Url.Length: > 0 } info
                ? info
                : throw new HttpRequestException($"GET /gateway/bot answered {response.ErrorText}");
            if (shardCount is { } count && _info.Shards is { } recommended && recommended > count)
            {
                Log.FewerShardsThanRecommended(logger, count, recommended);
            }

            return _info;
        }
        finally
        {
            _gate.Release();
        }
    }
}
