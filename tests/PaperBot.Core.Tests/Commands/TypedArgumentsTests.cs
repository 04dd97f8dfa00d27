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
        var arguments = Typed("agents", digest: digest, backfill: backfill);
        var error = CommandChecks.Check(SubscribeOptions.Spec, arguments);
        Assert.False(error is null && SubscribeArguments.TryRead(arguments, out _, out error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_TypedField_IsThePageAndTheTextStaysWhole()
    {
        var spec = new PaperBot.Core.Commands.Handlers.TodayCommand(null!, null!, TimeProvider.System).Spec;
        var arguments = Typed("agents --page 3", page: 2);

        Assert.Null(CommandChecks.Check(spec, arguments));
        Assert.Equal(("agents --page 3", (int?)2), (arguments.Text, arguments.Page));
    }

    [Theory]
    [InlineData("agents --page 3", "agents", 3)]
    [InlineData("--page=4 \"world model\" OR robots", "\"world model\" OR robots", 4)]
    [InlineData("about:\"robots --page 9 that grasp\"", "about:\"robots --page 9 that grasp\"", null)]
    public void Page_TextLine_IsReadByTheOneParser(string line, string text, int? page)
    {
        var spec = new PaperBot.Core.Commands.Handlers.TodayCommand(null!, null!, TimeProvider.System).Spec;

        Assert.True(CommandLine.TryRead(spec, line, out var arguments, out var error), error);

        Assert.Equal((text, page), (arguments.Text, arguments.Page));
    }

    [Theory]
    [InlineData("agents --page", "--page needs a whole number")]
    [InlineData("agents --page two", "\"two\" is not one")]
    [InlineData("agents --page 2 --page 3", "--page is given twice")]
    [InlineData("agents --backfill 3", "Unknown option --backfill. /papers today takes --page.")]
    public void TextLine_BadOption_SaysWhatIsWrong(string line, string expected)
    {
        var spec = new PaperBot.Core.Commands.Handlers.TodayCommand(null!, null!, TimeProvider.System).Spec;

        Assert.False(CommandLine.TryRead(spec, line, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
