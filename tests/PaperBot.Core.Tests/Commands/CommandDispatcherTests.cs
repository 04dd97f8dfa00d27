using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Model;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class CommandDispatcherTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/papers subscribe agents OR robots", "subscribe", "agents OR robots")]
    [InlineData("papers TODAY", "today", "")]
    [InlineData("today  \"world model\" ", "today", "\"world model\"")]
    [InlineData("/papers", "", "")]
    [InlineData("   ", "", "")]
    [InlineData("/paperstoday", "/paperstoday", "")]
    public void Split_CommandLines_GivesSubcommandAndArguments(string text, string subcommand, string arguments)
    {
        Assert.Equal((subcommand, arguments), CommandText.Split(text));
    }

    [Theory]
    [InlineData("/papers")]
    [InlineData("/papers help")]
    [InlineData("")]
    public async Task Help_EmptyOrHelp_ListsEveryCommand(string command)
    {
        var help = await _bot.RunAsync<HelpResult>(command);

        var usages = help.Commands.Select(c => c.Name).ToList();
        Assert.Equal(["today", "search", "subscribe", "unsubscribe", "subscriptions", "pause", "resume", "save", "unsave", "saved", "export", "help"], usages);
        Assert.All(help.Commands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Theory]
    [InlineData("/papers frobnicate now")]
    [InlineData("/papers 🤖")]
    [InlineData("/papers subscribe-all")]
    public async Task Unknown_AnyUnknownCommand_AnswersWithHelpNamingIt(string command)
    {
        var help = await _bot.RunAsync<HelpResult>(command);

        Assert.Contains("I don't know the command", help.Preface);
        Assert.NotEmpty(help.Commands);
    }

    [Fact]
    public async Task Execute_HandlerThrows_AnswersWithErrorNotSilence()
    {
        var dispatcher = new CommandDispatcher([new ThrowingHandler()], NullLogger<CommandDispatcher>.Instance);

        var result = await dispatcher.ExecuteAsync(new CommandContext(TestBot.General, TestBot.Alice), "/papers boom", CancellationToken.None);

        var error = Assert.IsType<ErrorResult>(result);
        Assert.Contains("\"boom\" failed on my side", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    private sealed class ThrowingHandler : ICommandHandler
    {
            public CommandSpec Spec { get; } = new("boom", "Throws.");

        public Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret internals");
    }
}
