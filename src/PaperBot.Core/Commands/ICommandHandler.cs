using PaperBot.Core.Commands.Model;

namespace PaperBot.Core.Commands;

/// <summary>
/// One <c>/papers</c> subcommand: what it is (<see cref="Spec"/>, from which every surface makes its definition,
/// parser and help) and what it does. Every platform runs the same handler; to add a command, write a handler and
/// register it (<c>services.AddSingleton&lt;ICommandHandler, MyCommand&gt;()</c>).
/// </summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }

    /// <summary>The subcommand word, lower case (<c>today</c>, <c>subscribe</c>...).</summary>
    string Name => Spec.Name;

    /// <summary>Whether the command changes the channel (its subscriptions, or whether it is paused): only channel managers may.</summary>
    bool ManagesChannel => Spec.ManagesChannel;

    /// <summary>
    /// An answer this command gave already that still holds, found without any work (a lookup in memory, never a store
    /// read or a lock wait): the dispatcher returns it at once instead of queueing the command in the
    /// <see cref="CommandGate"/>. Null when there is none.
    /// </summary>
    CommandResult? Remembered(CommandContext context, CommandArguments arguments) => null;

    /// <summary>Runs the subcommand with its typed arguments (a text surface's line has been read with <see cref="Spec"/>).</summary>
    Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken);
}
