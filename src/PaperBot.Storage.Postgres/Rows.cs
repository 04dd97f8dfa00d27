using Npgsql;

namespace PaperBot.Storage.Postgres;

/// <summary>Instants as stored: UTC ticks and the offset in minutes, in two adjacent columns.</summary>
internal static class Rows
{
    public static long? Ticks(DateTimeOffset? value) => value?.UtcTicks;

    public static int? Offset(DateTimeOffset? value) => value is { } v ? (int)v.Offset.TotalMinutes : null;

    /// <summary>The instant whose ticks are in column <paramref name="ticks"/> and offset in the next one.</summary>
    public static DateTimeOffset? Instant(NpgsqlDataReader reader, int ticks) =>
        reader.IsDBNull(ticks) ? null : Instant(reader.GetInt64(ticks), reader.GetInt32(ticks + 1));

    public static DateTimeOffset Instant(long ticks, int offsetMinutes) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    public static int? Int(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);

    public static DateOnly? Day(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    public static string[] Texts(NpgsqlDataReader reader, int column) => reader.GetFieldValue<string[]>(column);
}
