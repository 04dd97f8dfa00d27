using PaperBot.Core.Commands.Model;
using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Query;
using PaperBot.Core.Search;
using PaperBot.Core.Semantic;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Commands.Handlers;

/// <summary>
/// <c>/papers today [query] [--page N]</c>: the latest papers-day, most upvoted first. The day's papers are ranked
/// (and a query applied) on the <see cref="PaperSearchIndex"/>; only the page shown is read. A query with
/// <c>about:"..."</c> is matched by meaning over the day's papers (a few dozen), through the sentence model.
/// </summary>
public sealed class TodayCommand(IPaperStore papers, PaperSearchIndex index, TimeProvider time, PaperVectors? vectors = null) : ICommandHandler
{
    public const int PageSize = 10;

    public CommandSpec Spec { get; } = new("today", "The latest day's papers, most upvoted first, 10 at a time; a query narrows them down")
    {
        Options = [CommonOptions.Query("Only papers matching this query, e.g. \"world model\" OR robotics", required: false), CommonOptions.Page],
        PublicAnswer = true,
    };

    private readonly AnswerMemory _answers = new();

    /// <summary>The same page asked for again, while no poll has changed the papers (nor the calendar day): from memory.</summary>
    public CommandResult? Remembered(CommandContext context, CommandArguments arguments) => _answers.Find(arguments, Stamp());

    public async Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var stamp = Stamp();
        var result = await AnswerAsync(arguments, cancellationToken).ConfigureAwait(false);

        // A meaning query reads the vectors, which change without a poll: answered afresh every time.
        if (!arguments.Text.Contains("about:", StringComparison.OrdinalIgnoreCase))
        {
            _answers.Keep(arguments, stamp, result);
        }

        return result;
    }

    private AnswerStamp? Stamp() => index.Stamp(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private async Task<CommandResult> AnswerAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var queryText = arguments.Text.Trim();
        var page = arguments.Page ?? 1;
        TopicQuery? query = null;
        if (queryText.Length > 0 && !TopicQuery.TryParse(queryText, out query, out var queryError))
        {
            return QueryErrors.Describe(queryText, queryError);
        }

        return query is { HasAbout: true } && vectors is null ? AboutFilter.Unavailable() : await ListAsync(query, page, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandResult> ListAsync(TopicQuery? query, int page, CancellationToken cancellationToken)
    {
        var latest = papers.LatestListedDay();
        if (latest is not { } day)
        {
            return new ErrorResult("I have not read the Daily Papers listing yet, so I have nothing to show.",
                "Try again in a minute: the first poll runs as soon as the bot starts.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var notice = day == today ? null : LatestDayNotice(today, day);
        var selected = query is { HasAbout: true }
            ? await ByMeaningAsync(day, query, cancellationToken).ConfigureAwait(false)
            : index.Day(day, query);
        if (selected.Count == 0 && query is null)
        {
            // The store knows a day the index has not seen (written around the poller): rank it from the store.
            selected = ByUpvotes(papers.ListedOn(day));
        }

        var heading = $"Daily Papers for {FormatDay(day)}" + (query is null ? "" : $" matching {query.Text}");
        return Paging.Page(heading, selected, page, PageSize, query is null ? Spec.Invoke() : Spec.Invoke((Spec.Positional!, query.Text)),
            notice ?? (selected.Count == 0 && query is not null ? "No paper of that day matches." : null), index.Fetch);
    }

    private async Task<IReadOnlyList<string>> ByMeaningAsync(DateOnly day, TopicQuery query, CancellationToken cancellationToken)
    {
        return ByUpvotes(await AboutFilter.WhereAsync(query, papers.ListedOn(day), vectors, cancellationToken).ConfigureAwait(false));
    }

    // The day's order, as the index ranks it: most upvoted first, then by id.
    private static List<string> ByUpvotes(IEnumerable<Paper> day) =>
        [.. day.OrderByDescending(p => p.Upvotes).ThenBy(p => p.ArxivId, StringComparer.Ordinal).Select(p => p.ArxivId)];

    // Hugging Face lists no papers on Saturdays and Sundays: Monday's page comes after Friday's.
    private static string LatestDayNotice(DateOnly today, DateOnly latest) =>
        today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && today.DayNumber - latest.DayNumber <= 2
            ? $"Daily Papers are not listed on weekends ({FormatDay(today)}); here is the latest papers-day, {FormatDay(latest)}."
            : $"No papers have been listed yet today ({FormatDay(today)}); here is the latest papers-day instead.";

    internal static string FormatDay(DateOnly day) => day.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture);
}
