using System.Globalization;
using System.Text;
using CsvHelper;
using PaperBot.Core.Commands;
using PaperBot.Core.Export;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Export;

public sealed class ExportTests : IDisposable
{
    private static readonly DateTimeOffset SavedAt = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static readonly Paper Tricky = TestPapers.Make("2611.00001", "$\\alpha$-Flow: 100% {robust} & fast_ish #1 ~ \"quoted\" \\ back^slash",
        authors: ["Élodie Marchand", "王小明", "Jean-Luc O'Neil"]) with { PublishedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero) };

    private static readonly Paper Plain = TestPapers.Make("2611.00002", "Why Language Models Hallucinate", authors: ["Adam Tauman Kalai", "Ofir Nachum"])
        with { GithubRepo = "https://github.com/example/repo", PublishedAt = new DateTimeOffset(2025, 9, 4, 0, 0, 0, TimeSpan.Zero) };

    private static readonly Paper SameKey = TestPapers.Make("2611.00003", "Why agents hallucinate", authors: ["Mary Kalai"])
        with { PublishedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };

    private readonly TestBot _bot = new(now: SavedAt);

    public void Dispose() => _bot.Dispose();

    private static List<ExportEntry> Entries() =>
    [
        new(Tricky.ArxivId, Tricky, SavedAt),
        new(Plain.ArxivId, Plain, SavedAt),
        new(SameKey.ArxivId, SameKey, SavedAt),
        new("hep-th/9901001", null, SavedAt),
    ];

    [Fact]
    public void BibTex_RoundTrip_ParsesBackWithEveryFieldAndUniqueStableKeys()
    {
        var text = Encoding.UTF8.GetString(Exporters.Write(ExportFormat.BibTex, Entries()));

        var entries = BibTexReader.Read(text);

        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("misc", e.Type));
        Assert.Equal(["marchand2026alpha", "kalai2025why_2611.00002", "kalai2025why_2611.00003", "arxiv1999"], entries.Select(e => e.Key));
        var tricky = entries[0].Fields;
        Assert.Equal("{$\\alpha$-Flow: 100\\% \\{robust\\} \\& fast\\_ish \\#1 \\textasciitilde{} {\"}quoted{\"} \\textbackslash{} back\\textasciicircum{}slash}", tricky["title"]);
        Assert.Equal(Tricky.Title, BibTexReader.Unescape(tricky["title"][1..^1]));
        Assert.Equal("Marchand, Élodie and {王小明} and O'Neil, Jean-Luc", tricky["author"]);
        Assert.Equal("2611.00001", tricky["eprint"]);
        Assert.Equal("arXiv", tricky["archivePrefix"]);
        Assert.False(tricky.ContainsKey("primaryClass"));
        Assert.Equal("hep-th", entries[3].Fields["primaryClass"]);
        Assert.Equal("https://arxiv.org/abs/hep-th/9901001", entries[3].Fields["url"]);
        Assert.Equal("2025", entries[1].Fields["year"]);
    }

    [Fact]
    public void BibTex_PaperWithoutArxivTime_TakesTheYearFromItsIdNotTheDayItWasListed()
    {
        var listedLater = TestPapers.Make("2512.04664", "Agents", listedOn: new DateOnly(2026, 1, 5)) with { PublishedAt = null };

        var entry = Assert.Single(BibTexReader.Read(Encoding.UTF8.GetString(Exporters.Write(ExportFormat.BibTex, [new(listedLater.ArxivId, listedLater, SavedAt)]))));

        Assert.Equal("2025", entry.Fields["year"]);
    }

    [Fact]
    public void BibTex_KeysDoNotDependOnTheRestOfTheList()
    {
        var alone = BibTexReader.Read(Encoding.UTF8.GetString(Exporters.Write(ExportFormat.BibTex, [new(Plain.ArxivId, Plain, SavedAt)])));

        Assert.Equal("kalai2025why", Assert.Single(alone).Key);
    }

    [Fact]
    public void Csv_ParsesBackWithCsvHelper()
    {
        var bytes = Exporters.Write(ExportFormat.Csv, Entries());
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);

        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(Tricky.Title, rows[0]["title"]);
        Assert.Equal("Élodie Marchand; 王小明; Jean-Luc O'Neil", rows[0]["authors"]);
        Assert.Equal("https://github.com/example/repo", rows[1]["github"]);
        Assert.Equal("2026-11-24T15:00:00Z", rows[3]["saved_at"]);
        Assert.Equal("", rows[3]["title"]);
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Markdown_ListsEveryPaperWithEscapedTitlesAndLinks()
    {
        var text = Encoding.UTF8.GetString(Exporters.Write(ExportFormat.Markdown, Entries()));

        Assert.StartsWith("# Reading list (4 papers)", text);
        Assert.Contains("- [Why Language Models Hallucinate](https://huggingface.co/papers/2611.00002) — Adam Tauman Kalai, Ofir Nachum", text);
        Assert.Contains(@"\{robust\}", text);
        Assert.Contains("[code](<https://github.com/example/repo>)", text);
        Assert.Contains("- [arXiv:hep-th/9901001](https://huggingface.co/papers/hep-th/9901001)", text);
    }

    [Theory]
    [InlineData("bibtex", "application/x-bibtex", ".bib")]
    [InlineData("md", "text/markdown", ".md")]
    [InlineData("CSV", "text/csv", ".csv")]
    public async Task ExportCommand_CallersListAsAFile(string format, string mediaType, string extension)
    {
        _bot.Store.RecordPoll([Plain], [], new PollState(true, SavedAt, TestPapers.Day));
        await _bot.RunAsync("/papers save 2611.00002");

        var file = await _bot.RunAsync<FileResult>($"/papers export {format}");

        Assert.Equal($"paperbot-saved-2026-11-24{extension}", file.FileName);
        Assert.Equal(mediaType, file.MediaType);
        Assert.Contains("2611.00002", Encoding.UTF8.GetString(file.Content));
        Assert.Contains("1 paper", file.Summary);
        Assert.True(file.Private);
    }

    [Theory]
    [InlineData("/papers export", "Which format?")]
    [InlineData("/papers export pdf", "\"pdf\" is not an export format")]
    public async Task ExportCommand_BadFormat_Explained(string command, string expected)
    {
        Assert.Contains(expected, (await _bot.RunAsync<ErrorResult>(command)).Message);
    }

    [Fact]
    public async Task ExportCommand_EmptyList_SaysHowToSave()
    {
        var error = await _bot.RunAsync<ErrorResult>("/papers export csv");

        Assert.Contains("empty", error.Message);
    }
}
