using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PaperBot.Tests.Support;

/// <summary>
/// The real PaperBot executable in a child process, with piped standard input, output and error, so tests
/// see exactly what a user would. Waits are on output lines with a timeout, never on sleeps.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private event Action? Output;

    private BotProcess(Process process) => _process = process;

    public string Stdout { get { lock (_gate) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_gate) { return _stderr.ToString(); } } }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts paperbot.dll with configuration given as environment variables.</summary>
    public static BotProcess Start(IReadOnlyDictionary<string, string> environment, bool closeInput = false) =>
        Start([], environment, closeInput);

    /// <summary>Starts paperbot.dll with <paramref name="arguments"/> (a tool command such as <c>listing check</c>).</summary>
    public static BotProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, bool closeInput = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(HostAssemblyPath());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var bot = new BotProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        bot._process.OutputDataReceived += (_, e) => bot.Append(bot._stdout, e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Append(bot._stderr, e.Data);
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        if (closeInput)
        {
            bot._process.StandardInput.Close();
        }

        return bot;
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until standard output contains <paramref name="text"/> (or fails with both streams shown).</summary>
    public Task WaitForStdoutAsync(string text, TimeSpan? timeout = null) => WaitForAsync(() => Stdout.Contains(text, StringComparison.Ordinal), $"stdout to contain \"{text}\"", timeout);

    public Task WaitForStderrAsync(string text, TimeSpan? timeout = null) => WaitForAsync(() => Stderr.Contains(text, StringComparison.Ordinal), $"stderr to contain \"{text}\"", timeout);

    /// <summary>Waits until standard error satisfies <paramref name="condition"/>, described by <paramref name="what"/>.</summary>
    public Task WaitForStderrAsync(Func<string, bool> condition, string what, TimeSpan? timeout = null) => WaitForAsync(() => condition(Stderr), what, timeout);

    /// <summary>Waits for the host's "Now listening on" line and returns that address (for Urls=http://127.0.0.1:0).</summary>
    public async Task<Uri> ListeningAddressAsync()
    {
        const string Marker = "Now listening on: ";
        await WaitForStderrAsync(Marker);
        var line = Stderr.Split('\n').First(l => l.Contains(Marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim());
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> InterruptAsync(int signal = SigInt)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, signal);
        }

        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"PaperBot did not exit.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForAsync(Func<bool> condition, string what, TimeSpan? timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                signal.TrySetResult();
            }
        }

        Output += Check;
        _process.Exited += OnExit;
        try
        {
            Check();
            using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
            await signal.Task.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Timed out waiting for {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        finally
        {
            Output -= Check;
            _process.Exited -= OnExit;
        }

        void OnExit(object? sender, EventArgs e)
        {
            // Output may still be draining; give the final check a chance before declaring failure.
            _process.WaitForExit();
            if (!condition())
            {
                signal.TrySetException(new InvalidOperationException($"PaperBot exited ({_process.ExitCode}) before {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}"));
            }
        }
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            buffer.AppendLine(line);
        }

        Output?.Invoke();
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string HostAssemblyPath()
    {
        // tests/PaperBot.Tests/bin/<Configuration>/net10.0/ -> src/PaperBot/bin/<Configuration>/net10.0/paperbot.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "PaperBot", "bin", configuration, output.Name, "paperbot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/PaperBot first; expected the host at " + path, path);
    }
}
