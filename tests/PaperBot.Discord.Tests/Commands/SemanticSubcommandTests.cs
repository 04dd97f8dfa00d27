using System.Text.Json;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;

namespace PaperBot.Discord.Tests.Commands;

/// <summary>similar and recommend: their typed options become the typed arguments the shared handlers read.</summary>
public sealed class SemanticSubcommandTests
{
    private static readonly CommandCatalog Catalog = new(
        [new SimilarCommand(null!, null!).Spec, new RecommendCommand(null!, null!, null!, TimeProvider.System).Spec]);

    private static InteractionOption Option(string name, object value) =>
        new(name, 3, JsonSerializer.SerializeToElement(value), null, null);

    [Fact]
    public void Arguments_Similar_IdAndPage()
    {
        var (name, arguments) = Catalog.Arguments(new("similar", 1, null, [Option("arxiv_id", "2509.04664"), Option("page", 2)], null));

        Assert.Equal(("similar", "2509.04664", 2, true), (name, arguments.Text, arguments.Page, arguments.Typed));
        Assert.False(Catalog.IsPrivate("similar"));
    }

    [Fact]
    public void Arguments_Recommend_PageOnly_AndTheAnswerIsPrivate()
    {
        var (name, arguments) = Catalog.Arguments(new("recommend", 1, null, [Option("page", 3)], null));

        Assert.Equal(("recommend", "", 3), (name, arguments.Text, arguments.Page));
        Assert.True(Catalog.IsPrivate("recommend"));
    }
}
