using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Fuzz;

/// <summary>
/// Ten thousand generated and mutated command lines through the real dispatcher and store: every one gets an
/// answer, no handler throws (the dispatcher would turn that into "failed on my side"), and nothing malformed
/// is stored.
/// </summary>
public sealed class CommandFuzzTests : IDisposable
{
    private static readonly string[] Seeds =
    [
        "/papers today", "/papers today agents --page 2", "/papers search \"world model\" OR robotics -survey",
        "/papers subscribe agents --digest 09:00 Europe/Paris --min-upvotes 5 --backfill 3", "/papers unsubscribe #1",
        "/papers unsubscribe all", "/papers subscriptions", "/papers save 2509.04664v2", "/papers unsave hep-th/9901001",
        "/papers saved agents", "/papers export bibtex", "/papers pause", "/papers resume", "/papers help",
    ];

    private static readonly string[] Pieces =
    [
        "/papers", "today", "search", "subscribe", "unsubscribe", "subscriptions", "save", "unsave", "saved", "export", "pause", "resume",
        "help", "agents", "\"", "(", ")", "OR", "NOT", "-", "--", "--page", "--digest", "--min-upvotes", "--backfill", "0", "-1", "99999999999",
        "25:99", "09:00", "Europe/Paris", "Mars/Base", "#", "#7", "all", "2509.04664", "v2", "arXiv:", "https://arxiv.org/abs/", "bibtex", "csv",
        "\t", "\n", "\u0000", "\u202e", "é", "🤖", "王", "title:", "\\", "{", "}", "%", "$", "=",
    ];

    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Dispatcher_TenThousandGeneratedInputs_AlwaysAnswersAndStoresNothingMalformed()
    {
        _bot.Store.RecordPoll([TestPapers.Make("2509.04664", "Agents")], [], new PollState(true, _bot.Time.GetUtcNow(), TestPapers.Day));
        var random = new Random(20261125);

        for (var i = 0; i < 10_000; i++)
        {
            var input = i % 2 == 0 ? Generate(random) : Mutate(Seeds[random.Next(Seeds.Length)], random);
            var result = await _bot.RunAsync(input, canManage: random.Next(4) > 0);

            Assert.NotNull(result);
            if (result is ErrorResult error)
            {
                Assert.DoesNotContain("failed on my side", error.Message);
            }
        }

        foreach (var subscription in _bot.Store.SubscriptionsOf(TestBot.General))
        {
            Assert.True(TopicQuery.TryParse(subscription.Query, out var query, out _), subscription.Query);
            Assert.Equal(subscription.Query, query.Text);
        }

        Assert.All(_bot.Store.ListSaved(TestBot.Alice), s => Assert.True(ArxivId.TryNormalize(s.ArxivId, out var id) && id == s.ArxivId, s.ArxivId));
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            text.Append(random.Next(10) == 0 ? RandomChars(random, random.Next(1, 30)) : Pieces[random.Next(Pieces.Length)]);
            text.Append(random.Next(5) == 0 ? "" : " ");
        }

        if (random.Next(50) == 0)
        {
            text.Append(new string('a', random.Next(400, 3000)));
        }

        return text.ToString();
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(3))
            {
                case 0 when text.Length > 0 && at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                default:
                    text.Insert(at, RandomChars(random, 1));
                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomChars(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(0, 0x20),
                2 => (char)random.Next(0x80, 0x3000),
                _ => (char)random.Next(0xD800, 0xE000), // lone surrogates
            };
        }

        return new string(chars);
    }
}
