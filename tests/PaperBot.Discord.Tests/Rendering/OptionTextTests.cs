using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Tests.Rendering;

public sealed class OptionTextTests
{
    [Theory]
    [InlineData("/papers today [query] [--page N]", "/papers today [query] [page]")]
    [InlineData("/papers today agents --page 2", "/papers today agents page:2")]
    [InlineData("Use --page 1 to --page 3.", "Use page:1 to page:3.")]
    [InlineData("/papers subscribe <query> [--digest [HH:MM] [Area/City], --min-upvotes N, --backfill N]",
        "/papers subscribe <query> [digest:[HH:MM] [Area/City], min_upvotes:N, backfill:N]")]
    [InlineData("--backfill can post at most 20 recent papers; ask for --backfill 20 or fewer.", "backfill: can post at most 20 recent papers; ask for backfill:20 or fewer.")]
    public void ForDiscord_ConsoleOptionSyntax_BecomesTypedOptions(string text, string expected) =>
        Assert.Equal(expected, ResultRenderer.ForDiscord(text));
}
