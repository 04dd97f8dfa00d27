using Microsoft.Extensions.Logging;

namespace PaperBot.HuggingFace.Tests.Support;

/// <summary>One log line; <see cref="AllText"/> also holds the template's values and the exception, to search for leaked secrets.</summary>
internal sealed record CapturedLog(LogLevel Level, string Category, string Message, string AllText);
