namespace PaperBot.Core.Commands;

/// <summary>One <c>/papers</c> subcommand. Every platform runs the same handler.</summary>
public interface ICommandHandler
{
    /// <summary>The subcommand word, lower case (<c>today</c>, <c>subscribe</c>...).</summary>
    string Name { get; }

    CommandHelp Help { get; }

    /// <summary>Whether the command changes the channel (its subscriptions, or whether it is paused): only channel managers may.</summary>
    bool ManagesChannel => false;

    /// <summary>
    /// An answer this command gave already that still holds, found without any work (a lookup in memory, never a store
    /// read or a lock wait): the dispatcher returns it at once instead of queueing the command in the
    /// <see cref="CommandGate"/>. Null when there is none.
    /// </summary>
    CommandResult? Remembered(CommandContext context, CommandArguments arguments) => null;

    /// <summary>Runs the subcommand with its arguments: a text surface's line after the subcommand word, or typed options.</summary>
    Task<CommandResult> ExecuteAsync(CommandContext context, CommandArguments arguments, CancellationToken cancellationToken);
}
