using System.Diagnostics;

namespace PaperBot.Testing.Postgres;

/// <summary>Runs one of PostgreSQL's programs to completion, as the <c>postgres</c> user when asked (through runuser).</summary>
internal static class PostgresProcess
{
    public static void Run(string bin, string program, bool asPostgresUser, IReadOnlyList<string> arguments, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : Path.Combine(bin, program),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var word in (string[])["-u", "postgres", "--", Path.Combine(bin, program)])
            {
                start.ArgumentList.Add(word);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
