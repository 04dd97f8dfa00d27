namespace PaperBot.Core.Commands.Model;

/// <summary>How one surface writes commands: usage lines in help, and invocations in hints.</summary>
public interface ICommandSyntax
{
    /// <summary>The usage line, e.g. <c>/papers today [query] [--page N]</c>.</summary>
    string Usage(CommandSpec command);

    /// <summary>The command as the user would type it, e.g. <c>/papers today agents --page 2</c>.</summary>
    string Write(CommandInvocation invocation);
}
