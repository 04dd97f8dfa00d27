using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperBot.HuggingFace.Tests.Support;

/// <summary>A hand-written logger provider that keeps every line, at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _logs);

    public ILogger<T> CreateLogger<T>() => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Trace)).CreateLogger<T>();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            logs.Enqueue(new CapturedLog(logLevel, category, message, $"{message} {values} {exception}"));
        }
    }
}
