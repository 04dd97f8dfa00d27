using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Configuration;

public sealed class ShardOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:PublicKey"] = TestKeys.Rfc1Public,
        ["Discord:BotToken"] = FakeDiscord.Token,
    };

    [Fact]
    public void Shards_Defaults_OneUnshardedConnection()
    {
        var options = Resolve(Valid).Gateway;
        var mode = ShardMode.From(options);

        Assert.Null(options.ShardCount);
        Assert.Null(options.ShardId);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShardLease);
        Assert.True(mode.Unsharded);
        Assert.False(mode.Leased);
    }

    [Theory]
    [InlineData("4", null, null, true)]
    [InlineData("4", "auto", null, true)]
    [InlineData("4", "AUTO", null, true)]
    [InlineData("4", "", null, true)]
    [InlineData("4", "3", 3, false)]
    [InlineData("1", "0", 0, false)]
    public void Shards_Valid_ModeFollows(string count, string? id, int? fixedId, bool leased)
    {
        var options = Resolve(new Dictionary<string, string?>(Valid) { ["Discord:Gateway:ShardCount"] = count, ["Discord:Gateway:ShardId"] = id }).Gateway;
        var mode = ShardMode.From(options);

        Assert.Equal(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), mode.Count);
        Assert.Equal(fixedId, mode.FixedId);
        Assert.Equal(leased, mode.Leased);
    }

    [Theory]
    [InlineData("0", null, null, "Discord:Gateway:ShardCount must be a whole number of at least 1")]
    [InlineData("-2", "auto", null, "Discord:Gateway:ShardCount must be a whole number of at least 1")]
    [InlineData(null, "1", null, "Discord:Gateway:ShardId needs Discord:Gateway:ShardCount")]
    [InlineData("4", "4", null, "Discord:Gateway:ShardId must be a shard number from 0 to 3")]
    [InlineData("4", "-1", null, "Discord:Gateway:ShardId must be a shard number from 0 to 3")]
    [InlineData("4", "first", null, "Discord:Gateway:ShardId must be a shard number from 0 to 3")]
    [InlineData("4", null, "00:00:01", "Discord:Gateway:ShardLease must be between 00:00:03 and 00:10:00")]
    [InlineData("4", "auto", "01:00:00", "Discord:Gateway:ShardLease must be between 00:00:03 and 00:10:00")]
    public void Shards_BadValue_FailsNamingTheKey(string? count, string? id, string? lease, string message)
    {
        var settings = new Dictionary<string, string?>(Valid)
        {
            ["Discord:Gateway:ShardCount"] = count,
            ["Discord:Gateway:ShardId"] = id,
            ["Discord:Gateway:ShardLease"] = lease,
        };

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Shards_CountNotANumber_ErrorNamesTheKey()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new Dictionary<string, string?>(Valid) { ["Discord:Gateway:ShardCount"] = "many" }));

        Assert.Contains("Discord:Gateway:ShardCount", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(81384788765712384UL, 17, 7)]
    [InlineData(81384788765712384UL, 1, 0)]
    [InlineData(1263178492816216064UL, 5, 3)]
    [InlineData(1163178492816216065UL, 4, 2)]
    public void ForGuild_DiscordFormula_PicksTheShard(ulong guildId, int count, int shard) =>
        Assert.Equal(shard, GatewayShard.ForGuild(guildId, count));

    private static DiscordOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddDiscordAdapter(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }
}
