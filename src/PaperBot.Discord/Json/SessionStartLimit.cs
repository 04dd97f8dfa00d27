namespace PaperBot.Discord.Json;

/// <summary>
/// <c>session_start_limit</c>: identifies left today (<see cref="Remaining"/> of <see cref="Total"/>, reset after
/// <see cref="ResetAfter"/> ms) and how many may start per 5 s (<see cref="MaxConcurrency"/>, one per bucket).
/// </summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
