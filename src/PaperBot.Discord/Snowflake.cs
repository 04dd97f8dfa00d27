using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaperBot.Discord;

/// <summary>Discord ids: unsigned 64-bit numbers written as decimal strings.</summary>
internal static class Snowflake
{
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Trim().All(char.IsAsciiDigit)
        && ulong.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && id > 0;
}
