using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaperBot.Benchmarks;

/// <summary>
/// The real PaperBot host (paperbot.dll, Release) in a child process, configured through environment variables; or the
/// bare Kestrel floor (<see cref="BareEndpoint"/>) in a child process started the same way, with the host's GC settings.
/// </summary>
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
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["PaperBot__Urls"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in settings)
        {
            environment["PaperBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Launch([HostAssemblyPath()], environment, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The floor in its own process, with the GC settings paperbot.runtimeconfig.json gives the host; verifying signatures of this key if given.</summary>
    public static HostProcess StartFloor(string? verifyPublicKeyHex = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        foreach (var (property, variable) in new[] { ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent") })
        {
            if (HostRuntimeSetting(property) is { } on)
            {
                environment[variable] = on ? "1" : "0";
            }
        }

        string[] arguments = verifyPublicKeyHex is null
            ? [typeof(BareEndpoint).Assembly.Location, "floor", url]
            : [typeof(BareEndpoint).Assembly.Location, "floor", url, "--verify", verifyPublicKeyHex];
        return Launch(arguments, environment, new Uri(url + "/"));
    }

    /// <summary>CPU time (user and system) the process has used so far, from /proc (Linux), in ms.</summary>
    public double CpuMilliseconds()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // utime and stime are the 14th and 15th fields of stat, in clock ticks (100 a second on Linux).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static HostProcess Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, Uri baseUrl)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, baseUrl);
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

    private static bool? HostRuntimeSetting(string property)
    {
        var config = Path.ChangeExtension(HostAssemblyPath(), ".runtimeconfig.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty(property, out var value) && value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? value.GetBoolean()
            : null;
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
