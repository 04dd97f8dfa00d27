namespace PaperBot.ConsoleChannel;

/// <summary>
/// The terminal the console channel talks to. Writes are serialised so a card printed by the poller
/// never interleaves with a command's answer.
/// </summary>
public sealed class ConsoleIo(TextReader input, TextWriter output, bool interactive)
{
    private readonly Lock _gate = new();

    public TextReader Input { get; } = input;

    /// <summary>True on a terminal a person types into; false when input is piped or closed (service, CI).</summary>
    public bool Interactive { get; } = interactive;

    public static ConsoleIo FromSystemConsole()
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return new ConsoleIo(Console.In, Console.Out, !Console.IsInputRedirected && !Console.IsOutputRedirected);
    }

    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }

    public void WriteLine(string text) => Write(text + Environment.NewLine);
}
