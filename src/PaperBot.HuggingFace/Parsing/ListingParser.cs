using Microsoft.Extensions.Logging;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>
/// Reads a listing body (page HTML or API JSON, told apart by content) into a <see cref="ListingFetch"/>:
/// <see cref="ListingFetch.Listed"/> or <see cref="ListingFetch.LayoutChanged"/>, never an exception.
/// </summary>
internal sealed class ListingParser(ILogger<ListingParser> logger)
{
    /// <summary>The poller's read: the result, with the notes written to the log.</summary>
    public ListingFetch Parse(string body, ParseContext context)
    {
        var inspection = Inspect(body, context);
        foreach (var note in inspection.Notes)
        {
            if (note.IsWarning)
            {
                Log.ListingWarning(logger, context.Source, note.Text);
            }
            else
            {
                Log.ListingRemark(logger, context.Source, note.Text);
            }
        }

        return inspection.Result;
    }

    /// <summary>Everything understood of the body; logs nothing but a parser failure.</summary>
    public ListingInspection Inspect(string body, ParseContext context)
    {
        var notes = new ParseNotes();
        try
        {
            var inspection = BodyFormats.Detect(body) switch
            {
                BodyFormat.Html => PageReader.Read(body, context, notes),
                BodyFormat.Json => JsonListingReader.Read(body, context, notes),
                _ => ListingInspection.ResultOnly(context.Source, new ListingFetch.LayoutChanged(
                    $"the answer at {context.Source} is neither an HTML page nor JSON (it starts with \"{BodyFormats.Preview(body)}\"): the listing's format probably changed; PaperBot changed nothing")),
            };
            NoteMissingText(inspection, notes);
            return inspection with { Notes = notes.All };
        }
        catch (Exception ex)
        {
            // A parser bug must not take the poller down: the contract is "only cancellation throws".
            Log.ParserFailed(logger, ex, context.Source);
            return ListingInspection.ResultOnly(context.Source, new ListingFetch.LayoutChanged(
                $"PaperBot could not read the answer at {context.Source} ({ex.GetType().Name}: {ex.Message}); this is probably a PaperBot bug"));
        }
    }

    // Cards never carry abstracts or authors, and say so in their own note.
    private static void NoteMissingText(ListingInspection inspection, ParseNotes notes)
    {
        if (inspection.Shape == ListingShape.Cards || inspection.Papers.Count == 0)
        {
            return;
        }

        foreach (var (field, name) in new[] { (ItemFields.Abstract, "an abstract"), (ItemFields.Authors, "authors") })
        {
            var missing = inspection.Papers.Count(p => !p.Present.HasFlag(field));
            if (missing > 0)
            {
                notes.Warn($"{missing} of {inspection.Papers.Count} papers have no {name}");
            }
        }
    }
}
