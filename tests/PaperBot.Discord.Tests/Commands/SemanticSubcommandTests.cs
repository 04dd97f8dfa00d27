using System.Text.Json;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Tests.Commands;

/// <summary>similar and recommend: their typed options become the argument text the shared handlers read.</summary>
public sealed class SemanticSubcommandTests
{
    private static InteractionOption Option(string name, object value) =>
        new(name, 3, JsonSerializer.SerializeToElement(value), null, null);

    [Fact]
    public void Arguments_Similar_IdAndPage()
    {
        var (name, text, error) = CommandCatalog.Arguments(new("similar", 1, null, [Option("arxiv_id", "2509.04664"), Option("page", 2)], null));

        Assert.Equal(("similar", "2509.04664 --page 2"), (name, text));
        Assert.Null(error);
        Assert.False(CommandCatalog.IsPrivate("similar"));
    }

    [Fact]
    public void Arguments_Recommend_PageOnly_AndTheAnswerIsPrivate()
    {
        var (name, text, error) = CommandCatalog.Arguments(new("recommend", 1, null, [Option("page", 3)], null));

        Assert.Equal(("recommend", "--page 3"), (name, text));
        Assert.Null(error);
        Assert.True(CommandCatalog.IsPrivate("recommend"));
    }
}
