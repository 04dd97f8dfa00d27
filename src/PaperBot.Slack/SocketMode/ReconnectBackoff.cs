namespace PaperBot.Slack.SocketMode;

/// <summary>
/// How long to wait before the next connection attempt after <c>failures</c> consecutive failed ones: the first
/// retry at once (a dropped socket usually just needs a fresh URL), then 1, 2, 4... seconds up to 60, with jitter
/// so many bots do not reconnect in step.
/// </summary>
internal static class ReconnectBackoff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    public static TimeSpan Delay(int failures, double jitter)
    {
        if (failures <= 1)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Min(Max.TotalSeconds, Math.Pow(2, Math.Min(failures - 2, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1))));
    }
}
