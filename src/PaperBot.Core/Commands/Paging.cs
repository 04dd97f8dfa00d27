using PaperBot.Core.Commands.Model;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Commands;

/// <summary>One page of a ranked paper list, with the command that shows the next one.</summary>
internal static class Paging
{
    public static CommandResult Page(string heading, IReadOnlyList<Paper> ranked, int page, int pageSize, CommandInvocation command, string? notice)
    {
        return Page(heading, [.. ranked.Select(p => p.ArxivId)], page, pageSize, command, notice,
            _ => [.. ranked.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    /// <summary>One page of a ranked list of ids, reading only that page's papers through <paramref name="fetch"/>.</summary>
    public static CommandResult Page(string heading, IReadOnlyList<string> ranked, int page, int pageSize, CommandInvocation command, string? notice,
        Func<IReadOnlyList<string>, IReadOnlyList<Paper>> fetch)
    {
        if (ranked.Count == 0)
        {
            return new PaperListResult(heading, [], 0, 0, notice ?? "Nothing matches.", null);
        }

        var pages = (ranked.Count + pageSize - 1) / pageSize;
        if (page > pages)
        {
            return new ErrorResult($"There {(pages == 1 ? "is only 1 page" : $"are only {pages} pages")} of results.",
                pages == 1 ? "Leave out the page to see it." : $"Ask for page 1 to {pages}.");
        }

        var shown = fetch([.. ranked.Skip((page - 1) * pageSize).Take(pageSize)]);
        var more = page < pages ? command.With(CommonOptions.Page, (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return new PaperListResult(heading, shown, ((page - 1) * pageSize) + 1, ranked.Count, notice, more);
    }
}
