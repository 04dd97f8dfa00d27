namespace PaperBot.Discord.Gateway;

/// <summary>Discord's Gateway close codes, sorted into resume, identify afresh, or stop.</summary>
internal static class GatewayCloseCodes
{
    public static GatewayEnd Classify(int? code, string? description)
    {
        var said = $"closed with {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"}" +
            (string.IsNullOrWhiteSpace(description) ? "" : $" \"{description}\"");
        return code switch
        {
            4004 => new(GatewayNext.Stop, $"Discord rejected the bot token ({said}): put a current token from the Developer Portal's Bot page in Discord:BotToken"),
            4010 => new(GatewayNext.Stop, $"Discord refused the shard PaperBot sent ({said}): Discord:Gateway:ShardId must be below Discord:Gateway:ShardCount"),
            4011 => new(GatewayNext.Stop, $"Discord requires sharding because the bot is in too many servers ({said}): set Discord:Gateway:ShardCount (or raise it) to the number of shards GET /gateway/bot recommends"),
            4012 => new(GatewayNext.Stop, $"Discord no longer supports the Gateway version PaperBot speaks ({said}); update PaperBot"),
            4013 => new(GatewayNext.Stop, $"Discord refused PaperBot's Gateway intents as invalid ({said}); update PaperBot"),
            4014 => new(GatewayNext.Stop, $"Discord refused an intent the bot is not allowed ({said}); PaperBot asks for no privileged intent, so check the application in the Developer Portal"),
            4007 or 4009 => new(GatewayNext.Identify, $"Discord ended the session ({said})"),
            _ => new(GatewayNext.Resume, $"Discord {said}"),
        };
    }
}
