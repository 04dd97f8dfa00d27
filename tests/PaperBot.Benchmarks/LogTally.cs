using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperBot.Benchmarks;

/// <summary>Counts the bot's warnings and errors during a run, keeping the first few to print.</summary>
internal sealed class LogTally : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<string> First => _first;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message)
    {
        if (Interlocked.Increment(ref _count) <= 5)
        {
            _first.Enqueue($"{level} {category}: {message}");
        }
    }

    private sealed class Logger(LogTally tally, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                tally.Add(logLevel, category, formatter(state, exception));
            }
        }
    }
}
