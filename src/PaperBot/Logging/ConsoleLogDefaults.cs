using Microsoft.Extensions.Configuration.Memory;

namespace PaperBot.Logging;

/// <summary>
/// One line per log entry, with a UTC timestamp, so a terminal that shows both standard error (the log) and standard
/// output (the console channel's transcript) stays readable and a service's journal gets the same content. Added as
/// the lowest configuration source: appsettings, the environment or the command line can still change any of it.
/// </summary>
internal static class ConsoleLogDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ ",
    };

    public static void AddTo(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
}
