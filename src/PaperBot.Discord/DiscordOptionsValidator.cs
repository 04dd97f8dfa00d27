using System.Globalization;
using Microsoft.Extensions.Options;

namespace PaperBot.Discord;

/// <summary>
/// Checks the <c>Discord</c> section at start-up. Each message names the key and says what to put there;
/// none echoes the token.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!Snowflake.IsValid(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be your application's id (a number such as 1263178492816216064), from the Developer Portal's General Information page");
        }

        if (!IsHex(options.PublicKey, 64))
        {
            failures.Add("Discord:PublicKey must be your application's public key: 64 hexadecimal digits from the Developer Portal's General Information page");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken) || options.BotToken.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("Discord:BotToken must be the bot's token from the Developer Portal's Bot page, without spaces or a \"Bot \" prefix; remove the key to turn the Discord adapter off");
        }

        if (!IsUrl(options.ApiBaseUrl, "http", "https"))
        {
            failures.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL without query, such as {DiscordOptions.DefaultApiBaseUrl}");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !Snowflake.IsValid(options.GuildId))
        {
            failures.Add("Discord:GuildId must be a server id (a number; enable Developer Mode and use Copy Server ID), or be removed to register the commands globally");
        }

        if (!string.IsNullOrWhiteSpace(options.Gateway.Url) && !IsUrl(options.Gateway.Url, "ws", "wss"))
        {
            failures.Add("Discord:Gateway:Url must be a ws:// or wss:// URL, or be removed to ask Discord for the Gateway address");
        }

        ValidateShards(options.Gateway, failures);

        if (!IsUnicodeEmoji(options.SaveEmoji))
        {
            failures.Add($"Discord:SaveEmoji must be one Unicode emoji such as {DiscordOptions.DefaultSaveEmoji} (custom server emoji are not supported)");
        }

        if (options.DeferAfter < TimeSpan.Zero || options.DeferAfter > DiscordOptions.MaxDeferAfter)
        {
            failures.Add("Discord:DeferAfter must be between 00:00:00 and 00:00:02 (hh:mm:ss.fff), such as 00:00:01; Discord drops an interaction not answered within 3 seconds");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateShards(DiscordGatewayOptions gateway, List<string> failures)
    {
        if (gateway.ShardCount is < 1)
        {
            failures.Add("Discord:Gateway:ShardCount must be a whole number of at least 1 (Discord's GET /gateway/bot recommends one shard per "
                + "1,000 servers or so), or be removed to run one connection without sharding");
        }

        if (Gateway.ShardMode.IsAuto(gateway.ShardId))
        {
            if (gateway.ShardLease < TimeSpan.FromSeconds(3) || gateway.ShardLease > TimeSpan.FromMinutes(10))
            {
                failures.Add("Discord:Gateway:ShardLease must be between 00:00:03 and 00:10:00 (hh:mm:ss), such as 00:00:30: how long a replica's "
                    + "claim on its shards lasts without a heartbeat, so how soon another replica takes over the shards of one that died");
            }

            return;
        }

        if (gateway.ShardCount is null)
        {
            failures.Add("Discord:Gateway:ShardId needs Discord:Gateway:ShardCount (the total number of shards); set both, or remove ShardId");
        }
        else if (!Gateway.ShardMode.TryParseId(gateway.ShardId, out var id) || id >= gateway.ShardCount)
        {
            failures.Add($"Discord:Gateway:ShardId must be a shard number from 0 to {Math.Max(0, gateway.ShardCount.Value - 1)} (one less than "
                + "Discord:Gateway:ShardCount), or \"auto\" (or absent) to share the shards among the replicas through the database");
        }
    }

    private static bool IsHex(string? value, int length) =>
        value is not null && value.Trim().Length == length && value.Trim().All(char.IsAsciiHexDigit);

    private static bool IsUrl(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);

    private static bool IsUnicodeEmoji(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32 || value.Any(c => char.IsWhiteSpace(c) || char.IsAsciiLetterOrDigit(c) || c == ':' || c == '<'))
        {
            return false;
        }

        return new StringInfo(value).LengthInTextElements == 1;
    }
}
