using PaperBot.Core.Commands;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Commands;

public sealed class SubscribeAboutTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Subscribe_About_IsRefusedInWordsAndNothingIsStored()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers subscribe about:\"robots that learn from video\" -survey");

        Assert.Contains("cannot be subscribed to yet", error.Message, StringComparison.Ordinal);
        Assert.Contains("/papers today", error.Hint, StringComparison.Ordinal);
        Assert.Empty(_bot.Store.SubscriptionsOf(TestBot.General));
    }
}
