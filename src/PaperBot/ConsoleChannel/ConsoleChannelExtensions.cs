using PaperBot.Core.Publishing;

namespace PaperBot.ConsoleChannel;

public static class ConsoleChannelExtensions
{
    /// <summary>
    /// Adds the console channel: new papers print as cards on standard output and, when
    /// <c>Console:Commands</c> is true (the default), commands are read from standard input.
    /// </summary>
    public static IServiceCollection AddConsoleChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => ConsoleIo.FromSystemConsole());
        services.AddSingleton<ConsoleRenderer>();
        services.AddSingleton<ConsoleExports>();
        services.AddSingleton<IChannelPublisher, ConsolePublisher>();
        if (configuration.GetValue("Console:Commands", true))
        {
            services.AddHostedService<ConsoleCommandWorker>();
        }

        return services;
    }
}
