using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaperBot.ConsoleChannel;
using PaperBot.Tests.Support;

namespace PaperBot.Tests.Hosting;

/// <summary>
/// SIGTERM or Ctrl+C while the host is still starting: the host cancels its start, and the bot exits cleanly with 0
/// (it used to end with the cancellation unhandled, exit code 134 and a crash trace).
/// </summary>
public sealed class StopWhileStartingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-stop-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_StoppedWhileAHostedServiceIsStillStarting_ExitsWithZero()
    {
        var starting = new StopsTheBotWhileStarting();
        var arguments = HostRun.Arguments("http://127.0.0.1:9", Path.Combine(_folder, "paperbot.db"), "--HuggingFace:MaxRetries=0");

        var exitCode = await PaperBotApp.RunAsync(arguments, builder =>
        {
            builder.Services.AddSingleton(new ConsoleIo(TextReader.Null, new StringWriter(), interactive: false));
            builder.Services.AddHostedService(sp => starting.With(sp.GetRequiredService<IHostApplicationLifetime>()));
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(starting.WasCancelled, "the start should have been cancelled by the stop");
        Assert.Equal(0, exitCode);
    }

    /// <summary>A service whose start asks the host to stop (as a signal would) and then waits until the start is cancelled.</summary>
    private sealed class StopsTheBotWhileStarting : IHostedService
    {
        private IHostApplicationLifetime? _lifetime;

        public bool WasCancelled { get; private set; }

        public StopsTheBotWhileStarting With(IHostApplicationLifetime lifetime)
        {
            _lifetime = lifetime;
            return this;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _lifetime!.StopApplication();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WasCancelled = true;
                throw;
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
