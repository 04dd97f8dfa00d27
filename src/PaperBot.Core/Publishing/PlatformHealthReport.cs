namespace PaperBot.Core.Publishing;

/// <summary>One platform connection's state, in words an operator can act on.</summary>
public sealed record PlatformHealthReport(bool Healthy, string Description);
