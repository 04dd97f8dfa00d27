using PaperBot.Core.Channels;
using PaperBot.Core.Commands;

namespace PaperBot.Core.Tests.Commands;

/// <summary>Arguments from a typed surface: each option from its own field, the free text never searched for options.</summary>
public sealed class TypedArgumentsTests
{
    private static CommandArguments Typed(string text, string? digest = null, int? minUpvotes = null, int? backfill = null, int? page = null) =>
        new() { Text = text, Typed = true, Digest = digest, MinUpvotes = minUpvotes, Backfill = backfill, Page = page };

    [Fact]
    public void Subscribe_TypedFields_BecomeTheOptions()
    {
        Assert.True(SubscribeArguments.TryRead(Typed("agents", digest: "08:30 Europe/Paris", minUpvotes: 20, backfill: 5), out var arguments, out var error), error);

        Assert.Equal("agents", arguments.Query);
        Assert.Equal((SubscriptionMode.Digest, new TimeOnly(8, 30), "Europe/Paris", (int?)20), (arguments.Options.Mode, arguments.Options.DigestAt, arguments.Options.TimeZone, arguments.Options.MinUpvotes));
        Assert.Equal(5, arguments.Backfill);
    }

    [Fact]
    public void Subscribe_OptionTextInTheQueryField_StaysInTheQuery()
    {
        Assert.True(SubscribeArguments.TryRead(Typed("agents --backfill 20 --digest 07:00"), out var arguments, out _));

        Assert.Equal("agents --backfill 20 --digest 07:00", arguments.Query);
        Assert.Equal(SubscriptionOptions.Default, arguments.Options);
        Assert.Equal(0, arguments.Backfill);
    }

    [Theory]
    [InlineData(" ", "09:00", "UTC")]
    [InlineData("18:15", "18:15", "UTC")]
    public void Subscribe_DigestFieldWithDefaults_IsADigest(string digest, string at, string zone)
    {
        Assert.True(SubscribeArguments.TryRead(Typed("agents", digest: digest), out var arguments, out var error), error);

        Assert.Equal((SubscriptionMode.Digest, TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), zone),
            (arguments.Options.Mode, arguments.Options.DigestAt, arguments.Options.TimeZone));
    }

    [Theory]
    [InlineData("tomorrow please", null, "is not a digest time")]
    [InlineData("09:00 Mars/Olympus", null, "I don't know the time zone")]
    [InlineData(null, 25, "at most 20")]
    public void Subscribe_BadTypedValues_AreRefusedInWords(string? digest, int? backfill, string expected)
    {
        Assert.False(SubscribeArguments.TryRead(Typed("agents", digest: digest, backfill: backfill), out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_TypedField_IsThePageAndTheTextStaysWhole()
    {
        Assert.True(PageOption.TryRead(Typed("agents --page 3", page: 2), out var rest, out var page, out _));

        Assert.Equal(("agents --page 3", 2), (rest, page));
    }

    [Fact]
    public void Page_TextLine_IsParsedAsBefore()
    {
        Assert.True(PageOption.TryRead("agents --page 3", out var rest, out var page, out _));

        Assert.Equal(("agents", 3), (rest, page));
    }
}
