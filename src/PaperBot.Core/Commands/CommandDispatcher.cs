using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Commands.Model;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Commands;

/// <summary>
/// The one entry point every adapter calls: finds the subcommand's handler and runs it through the
/// <see cref="CommandGate"/>, so the returned task is not the caller's work and an adapter can acknowledge on time
/// whatever the command costs. Unknown or empty commands answer with help, and a handler that throws answers with
/// an error instead of silence.
/// </summary>
public sealed class CommandDispatcher(
    IEnumerable<ICommandHandler> handlers, ILogger<CommandDispatcher> logger, CommandGate? gate = null, PaperBotMetrics? metrics = null)
{
    private readonly Dictionary<string, ICommandHandler> _handlers =
        handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Help's own definition (help is answered by the dispatcher, not by a handler).</summary>
    public static CommandSpec HelpSpec { get; } = new("help", "What PaperBot can do: this list");

    private const string Intro =
        "PaperBot brings Hugging Face Daily Papers into this channel. Queries are words, \"quoted phrases\", OR, -word or NOT word, and (parentheses).";

    /// <summary>Every command's definition, in registration order, then help itself: what every surface's definition and help are made from.</summary>
    public IReadOnlyList<CommandSpec> Specs => [.. _handlers.Values.Select(h => h.Spec), HelpSpec];

    /// <summary>Runs a whole command line such as <c>/papers today agents</c>.</summary>
    public Task<CommandResult> ExecuteAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var (subcommand, arguments) = CommandText.Split(text);
        return ExecuteAsync(context, subcommand, arguments, cancellationToken);
    }

    /// <summary>Runs one subcommand with its arguments: a text surface's line, or a typed surface's option fields.</summary>
    public async Task<CommandResult> ExecuteAsync(CommandContext context, string subcommand, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await RunAsync(context, subcommand, arguments, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var command = _handlers.ContainsKey(subcommand ?? "") || "help".Equals(subcommand, StringComparison.OrdinalIgnoreCase)
                ? subcommand!.ToLowerInvariant()
                : string.IsNullOrWhiteSpace(subcommand) ? "help" : MetricLabels.OtherCommand;
            metrics?.Command(context.Channel.Platform, command, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>True when <paramref name="subcommand"/> changes the channel (subscribe, pause...): it needs a channel manager.</summary>
    public bool ManagesChannel(string subcommand) => _handlers.TryGetValue(subcommand, out var handler) && handler.ManagesChannel;

    private async Task<CommandResult> RunAsync(CommandContext context, string subcommand, CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subcommand) || subcommand.Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            return new HelpResult(Intro, Specs);
        }

        if (!_handlers.TryGetValue(subcommand, out var handler))
        {
            return new HelpResult($"I don't know the command \"{CommandText.Shorten(subcommand)}\". Here is what I can do:", Specs);
        }

        arguments ??= CommandArguments.FromText("");
        if (!arguments.Typed && !CommandLine.TryRead(handler.Spec, arguments.Text, out arguments, out var lineError))
        {
            return new ErrorResult(lineError!, $"See /papers help for what {handler.Name} takes.");
        }

        if (CommandChecks.Check(handler.Spec, arguments) is { } valueError)
        {
            return new ErrorResult(valueError);
        }

        if (handler.Remembered(context, arguments) is { } remembered)
        {
            return remembered;
        }

        try
        {
            if (gate is null)
            {
                return await handler.ExecuteAsync(context, arguments, cancellationToken).ConfigureAwait(false);
            }

            if (!gate.TryRun(() => handler.ExecuteAsync(context, arguments, cancellationToken), out var run))
            {
                logger.LogWarning("Command {Command} refused: {Waiting} commands are waiting already", handler.Name, gate.Waiting);
                return Busy;
            }

            return await run.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command {Command} failed in channel {Channel}", handler.Name, context.Channel.Key);
            return new ErrorResult($"Sorry, \"{handler.Name}\" failed on my side; please try again in a moment.",
                "If it keeps failing, the bot's operator will find the details in its log.");
        }
    }

    /// <summary>The answer when more commands are waiting than <see cref="CommandGate.Capacity"/>.</summary>
    public static readonly ErrorResult Busy = new("PaperBot is very busy right now and did not run this command.",
        "Please try again in a minute.");
}
