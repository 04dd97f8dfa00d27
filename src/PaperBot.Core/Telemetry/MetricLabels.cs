namespace PaperBot.Core.Telemetry;

/// <summary>The label values PaperBot's metrics use, in one place so dashboards and alerts can rely on them.</summary>
public static class MetricLabels
{
    public const string PollOk = "ok";
    public const string PollUnchanged = "unchanged";
    public const string PollUnreachable = "unreachable";
    public const string PollLayoutChanged = "layout_changed";
    public const string PollError = "error";

    public const string Sent = "sent";
    public const string Retried = "retried";
    public const string Failed = "failed";
    public const string Reconciled = "reconciled";
    public const string Paused = "paused";

    public const string NoAnswer = "no_answer";
    public const string Pacing = "pacing";
    public const string TooManyRequests = "429";

    /// <summary>The command label for anything that is not a known subcommand (keeps the label set bounded).</summary>
    public const string OtherCommand = "other";
}
