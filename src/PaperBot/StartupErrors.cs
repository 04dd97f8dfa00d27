using Microsoft.Extensions.Options;
using PaperBot.Storage;
using PaperBot.Storage.Postgres;

namespace PaperBot;

/// <summary>Turns the exceptions a bad set-up causes into one message an operator can act on.</summary>
internal static class StartupErrors
{
    public static string? Describe(Exception exception)
    {
        var failures = Flatten(exception).OfType<OptionsValidationException>().SelectMany(e => e.Failures).Distinct().ToList();
        if (failures.Count > 0)
        {
            return "PaperBot cannot start because of its configuration:" + Environment.NewLine +
                string.Join(Environment.NewLine, failures.Select(f => "  - " + f)) + Environment.NewLine +
                "Fix the setting in appsettings.json, an environment variable (PaperBot__Section__Key) or user secrets; " +
                "appsettings.example.json documents every key.";
        }

        return Flatten(exception).FirstOrDefault(e => e is StoreLockedException or StoreOpenException or PostgresStoreException) is { } storage
            ? $"PaperBot cannot open its database: {storage.Message}"
            : null;
    }

    /// <summary>The exit code for an exception <see cref="Describe"/> recognised.</summary>
    public static int ExitCode(Exception exception) =>
        Flatten(exception).Any(e => e is OptionsValidationException) ? PaperBotApp.ConfigurationError : PaperBotApp.StorageError;

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)[exception.InnerException!];
        foreach (var child in inner.Where(e => e is not null))
        {
            foreach (var descendant in Flatten(child))
            {
                yield return descendant;
            }
        }
    }
}
