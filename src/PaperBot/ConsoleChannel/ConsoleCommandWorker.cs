using PaperBot.Core.Commands;
using PaperBot.Core.Listing;

namespace PaperBot.ConsoleChannel;

/// <summary>
/// Reads <c>/papers ...</c> commands from standard input and prints the answers. When input ends
/// (closed or piped input used up) the bot keeps running and printing posts until it is stopped.
/// </summary>
public sealed class ConsoleCommandWorker(
    ConsoleIo io,
    ConsoleRenderer renderer,
    CommandDispatcher dispatcher,
    ListingHealth health,
    ConsoleExports exports,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleCommandWorker> logger) : BackgroundService
{
    private const string Prompt = "paperbot> ";

    /// <summary>A file becomes a file on disk; the user is told where.</summary>
    private CommandResult Deliver(CommandResult result)
    {
        if (result is not FileResult file)
        {
            return result;
        }

        try
        {
            return new ConfirmationResult($"{file.Summary} Saved to {exports.Save(file.FileName, file.Content)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ErrorResult($"Could not write the export to {exports.Folder}: {ex.Message}", "Set Console:ExportFolder to a folder you can write to.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var context = new CommandContext(ConsoleChannelInfo.Channel, ConsoleChannelInfo.User);
        if (io.Interactive)
        {
            io.WriteLine("PaperBot console channel. Type /papers help for commands, quit or Ctrl+C to stop.");
            io.WriteLine("Reading the Daily Papers listing...");
        }

        // Commands wait for the first poll so that "/papers today" typed (or piped) right away sees the
        // listing; what is typed meanwhile stays buffered in the terminal.
        await health.FirstReport.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (io.Interactive)
        {
            io.WriteLine($"Listing: {health.Current.Description}.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (io.Interactive)
            {
                io.Write(Prompt);
            }

            // Console input has no truly asynchronous read; a blocked read must not hold up shutdown.
            var line = await Task.Run(io.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken).ConfigureAwait(false);
            if (line is null)
            {
                logger.LogDebug("Console input ended; the console channel keeps printing new papers until the bot is stopped");
                return;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "quit" or "exit" or "/quit" or "/exit")
            {
                lifetime.StopApplication();
                return;
            }

            var result = await dispatcher.ExecuteAsync(context, line, stoppingToken).ConfigureAwait(false);
            io.Write(renderer.Render(Deliver(result)));
        }
    }
}
