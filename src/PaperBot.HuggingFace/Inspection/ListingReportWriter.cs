using System.Globalization;
using PaperBot.Core.Listing;

namespace PaperBot.HuggingFace.Inspection;

/// <summary>Writes a <see cref="ListingInspection"/> as the plain-text report of <c>paperbot listing check</c>.</summary>
public static class ListingReportWriter
{
    /// <summary>The fields a report counts, in the order it lists them, by their name in the listing's JSON.</summary>
    private static readonly (ItemFields Field, string Name)[] Fields =
    [
        (ItemFields.Title, "title"), (ItemFields.Abstract, "summary"), (ItemFields.Authors, "authors"),
        (ItemFields.ArxivPublishedAt, "publishedAt"), (ItemFields.SubmittedOnDailyAt, "submittedOnDailyAt"),
        (ItemFields.Upvotes, "upvotes"), (ItemFields.Comments, "numComments"), (ItemFields.Keywords, "ai_keywords"),
        (ItemFields.AiSummary, "ai_summary"), (ItemFields.Organization, "organization"), (ItemFields.GithubRepo, "githubRepo"),
        (ItemFields.ProjectPage, "projectPage"), (ItemFields.MediaUrls, "mediaUrls"), (ItemFields.Thumbnail, "thumbnail"),
    ];

    public static void Write(ListingInspection inspection, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Listing:    {inspection.Source}");
        if (inspection.Result is not ListingFetch.Listed listed)
        {
            output.WriteLine($"Shape:      {Describe(inspection.Shape)}");
            output.WriteLine($"Result:     PaperBot cannot read this listing: {inspection.Problem ?? "the server answered 304 Not Modified"}");
            return;
        }

        output.WriteLine($"Shape:      {Describe(inspection.Shape)}");
        output.WriteLine($"Papers-day: {DayLine(inspection)}");
        output.WriteLine($"Papers:     {listed.Papers.Count}");
        if (inspection.Papers.Count > 0)
        {
            WriteFields(inspection, output);
            WritePapers(inspection, output);
        }

        WriteNotes("Warnings", inspection.Notes.Where(n => n.IsWarning).Select(n => n.Text).ToList(), output);
        WriteNotes("Remarks", inspection.Notes.Where(n => !n.IsWarning).Select(n => n.Text).ToList(), output);
        var warnings = inspection.Notes.Count(n => n.IsWarning);
        output.WriteLine(warnings == 0
            ? $"Result:     PaperBot reads this listing: {listed.Papers.Count} papers."
            : $"Result:     PaperBot reads this listing: {listed.Papers.Count} papers, with {warnings} warning{(warnings == 1 ? "" : "s")} above.");
    }

    public static string Describe(ListingShape shape) => shape switch
    {
        ListingShape.DayPage => "day page, current layout (DailyPapers props with dateString)",
        ListingShape.DayPage2024 => "day page, 2024 layout (DailyPapers props with date and nextDate)",
        ListingShape.UndatedPage => "page with DailyPapers props that name no day",
        ListingShape.PropsObject => "saved DailyPapers props object (JSON)",
        ListingShape.ApiItems => "JSON API answer (an array of items)",
        ListingShape.Cards => "page without usable props: read from the visible cards only (no abstracts, no authors)",
        _ => "not recognised",
    };

    public static string Describe(DayField field) => field switch
    {
        DayField.DateString => "the page's dateString",
        DayField.Date => "the page's date",
        DayField.SubmittedOnDailyAt => "the items' paper.submittedOnDailyAt",
        DayField.CanonicalUrl => "the page's canonical URL",
        DayField.RequestedDay => "the day asked for",
        DayField.TopLevelPublishedAt => "the items' top-level publishedAt (the arXiv time: a guess)",
        _ => "the day the listing was read (a guess)",
    };

    private static string DayLine(ListingInspection inspection) => inspection.Day is { } day
        ? $"{Iso(day)} ({day.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture)}), from {Describe(inspection.DayFrom ?? DayField.FetchDate)}"
        : "none named: each paper keeps its own day (see below)";

    private static void WriteFields(ListingInspection inspection, TextWriter output)
    {
        var total = inspection.Papers.Count;
        output.WriteLine("Fields (papers that carry each):");
        foreach (var (field, name) in Fields)
        {
            var count = inspection.Papers.Count(p => p.Present.HasFlag(field));
            output.WriteLine($"  {name,-20} {count,4} of {total}{(count == total ? "" : count == 0 ? "  (none)" : "  (some missing)")}");
        }
    }

    private static void WritePapers(ListingInspection inspection, TextWriter output)
    {
        output.WriteLine("Per paper (id, papers-day and its field, upvotes, missing fields):");
        foreach (var paper in inspection.Papers)
        {
            var missing = Fields.Where(f => !paper.Present.HasFlag(f.Field)).Select(f => f.Name).ToList();
            output.WriteLine($"  {paper.Paper.ArxivId,-16} {Iso(paper.Paper.ListedOn)} {FieldName(paper.DayFrom),-19} ▲{paper.Paper.Upvotes,-4} " +
                (missing.Count == 0 ? "complete" : "missing " + string.Join(", ", missing)));
        }
    }

    private static string FieldName(DayField field) => field switch
    {
        DayField.DateString => "dateString",
        DayField.Date => "date",
        DayField.SubmittedOnDailyAt => "submittedOnDailyAt",
        DayField.CanonicalUrl => "canonical URL",
        DayField.RequestedDay => "requested",
        DayField.TopLevelPublishedAt => "publishedAt (guess)",
        _ => "read date (guess)",
    };

    private static void WriteNotes(string heading, IReadOnlyList<string> notes, TextWriter output)
    {
        if (notes.Count == 0)
        {
            return;
        }

        output.WriteLine($"{heading}:");
        foreach (var note in notes)
        {
            output.WriteLine($"  - {note}");
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
