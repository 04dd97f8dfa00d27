using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaperBot.Benchmarks;

/// <summary>The real PaperBot host (paperbot.dll, Release) in a child process, configured through environment variables.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private HostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(HostAssemblyPath());
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["PaperBot__Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            info.Environment["PaperBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.ErrorDataReceived += (_, e) =>
        {
            lock (host._gate)
            {
                host._stderr.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return host;
    }

    /// <summary>Resident set size now, from /proc (Linux), in MB.</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    public async Task WaitForStderrAsync(string text, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > patience)
            {
                throw new InvalidOperationException($"PaperBot never logged \"{text}\" (exited: {_process.HasExited}); its log:\n{Stderr}");
            }

            await Task.Delay(50);
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostAssemblyPath()
    {
        // tests/PaperBot.Benchmarks/bin/<Configuration>/net10.0/ -> src/PaperBot/bin/<Configuration>/net10.0/paperbot.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "PaperBot", "bin", output.Parent.Name, output.Name, "paperbot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/PaperBot first; expected the host at " + path, path);
    }
}
