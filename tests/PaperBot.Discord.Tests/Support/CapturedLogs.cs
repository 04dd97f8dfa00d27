using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Every log line the host wrote, formatted, so tests can check what reaches an operator (and what never does).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Signal)> _waiters = [];

    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Completes when a line containing <paramref name="text"/> has been logged (also one logged earlier).</summary>
    public async Task WaitForAsync(string text, TimeSpan? timeout = null)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            _waiters.Add((text, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Nothing logged \"{text}\"; the log so far:\n{All}");
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            Lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
