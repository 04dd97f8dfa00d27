using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Commands.Model;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Tests.Rendering;

/// <summary>Usage lines and hints are written from the typed commands in Discord's own syntax, never rewritten from console text.</summary>
public sealed class OptionTextTests
{
    private static readonly CommandSpec Today = new TodayCommand(null!, null!, TimeProvider.System).Spec;

    [Fact]
    public void Usage_NamesEachTypedOption()
    {
        Assert.Equal("/papers today [query] [page]", DiscordSyntax.Instance.Usage(Today));
        Assert.Equal("/papers subscribe query [digest] [min_upvotes] [backfill]", DiscordSyntax.Instance.Usage(SubscribeOptions.Spec));
        Assert.Equal("/papers today [query] [--page N]", TextSyntax.Instance.Usage(Today));
        Assert.Equal("/papers subscribe <query> [--digest [HH:MM] [Area/City]] [--min-upvotes N] [--backfill N]", TextSyntax.Instance.Usage(SubscribeOptions.Spec));
    }

    [Fact]
    public void Invocation_IsWrittenPerSurface_WithTheValueAsItIs()
    {
        var more = Today.Invoke((Today.Positional!, "agents --page 7"), (CommonOptions.Page, "2"));

        Assert.Equal("/papers today query:agents --page 7 page:2", DiscordSyntax.Instance.Write(more));
        Assert.Equal("/papers today agents --page 7 --page 2", TextSyntax.Instance.Write(more));
    }
}
