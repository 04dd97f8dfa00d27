using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace.Tests.Support;

/// <summary>The parser with captured logs, and shortcuts for parsing fixtures or inline bodies.</summary>
internal sealed class ParserHarness
{
    /// <summary>A "today" distinct from the fixtures' day, so a test can tell where ListedOn came from.</summary>
    public static readonly DateOnly Today = new(2026, 11, 30);

    public ParserHarness()
    {
        Parser = new ListingParser(Logs.CreateLogger<ListingParser>());
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public ListingParser Parser { get; }

    public ListingFetch Parse(string body, DateOnly? requestedDay = null) =>
        Parser.Parse(body, new ParseContext("test-source", requestedDay, Today));

    public ListingFetch.Listed ParseListed(string body, DateOnly? requestedDay = null) =>
        Assert.IsType<ListingFetch.Listed>(Parse(body, requestedDay));

    public ListingFetch.LayoutChanged ParseLayoutChanged(string body, DateOnly? requestedDay = null) =>
        Assert.IsType<ListingFetch.LayoutChanged>(Parse(body, requestedDay));
}
