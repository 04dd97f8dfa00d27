using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperBot.Slack.Tests.Support;

/// <summary>Keeps every log line (with its exception) so tests can check what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. _lines];

    public Signal Logged { get; } = new();

    public IReadOnlyList<string> At(LogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Text).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
            owner.Logged.Pulse();
        }
    }
}
