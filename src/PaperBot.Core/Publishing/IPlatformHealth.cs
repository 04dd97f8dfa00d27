namespace PaperBot.Core.Publishing;

/// <summary>
/// A platform connection that can fail on its own (a Gateway or Socket Mode link), reported in /healthz so an
/// operator sees "Discord Gateway stopped: ..." without reading the log.
/// </summary>
public interface IPlatformHealth
{
    /// <summary>What is reported on, e.g. "discord-gateway".</summary>
    string Name { get; }

    PlatformHealthReport Report();
}
