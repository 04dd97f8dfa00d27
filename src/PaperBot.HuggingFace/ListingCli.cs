using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Core.Listing;
using PaperBot.HuggingFace.Files;
using PaperBot.HuggingFace.Http;
using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace;

/// <summary>
/// <c>paperbot listing check [file|url]</c>: what PaperBot understands of a listing (shape, papers-day and where it came
/// from, papers, fields per paper, warnings), for operators and bug reports. Exit code 0 when it reads, 1 when not.
/// </summary>
public static class ListingCli
{
    public const int Usage = 64;
    public const int Unreadable = 1;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not (["check"] or ["check", _]))
        {
            await error.WriteLineAsync("Usage: paperbot listing check [file|url]").ConfigureAwait(false);
            await error.WriteLineAsync("  check             Reads the listing PaperBot is configured for (HuggingFace:BaseUrl and Mode, or HuggingFace:ListingFile)").ConfigureAwait(false);
            await error.WriteLineAsync("  check page.html   Reads a saved page or API response").ConfigureAwait(false);
            await error.WriteLineAsync("  check https://... Reads the page or API answer at that address").ConfigureAwait(false);
            return Usage;
        }

        var inspection = await InspectAsync(services, args.Count == 2 ? args[1] : null, CancellationToken.None).ConfigureAwait(false);
        ListingReportWriter.Write(inspection, output);
        return inspection.Result is ListingFetch.Listed ? 0 : Unreadable;
    }

    private static Task<ListingInspection> InspectAsync(IServiceProvider services, string? target, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
        if (target is null)
        {
            target = string.IsNullOrWhiteSpace(settings.ListingFile) ? ListingUrls.For(settings, null) : settings.ListingFile;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? services.GetRequiredService<HuggingFaceListingClient>().InspectAsync(target, cancellationToken)
            : services.GetRequiredService<FileListingSource>().InspectAsync(target, cancellationToken);
    }
}
