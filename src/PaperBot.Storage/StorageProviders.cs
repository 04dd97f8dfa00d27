using Microsoft.Extensions.Configuration;

namespace PaperBot.Storage;

/// <summary>The values of <c>Storage:Provider</c>, and which one a configuration names.</summary>
public static class StorageProviders
{
    public const string LiteDb = "LiteDb";

    public const string Postgres = "Postgres";

    /// <summary>
    /// True when the configuration asks for PostgreSQL. Read while services are registered (the choice decides which
    /// store is registered at all); an unknown value registers neither and is reported by the options validation.
    /// </summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(Of(configuration), Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the configuration asks for LiteDB, the default when the key is absent.</summary>
    public static bool IsLiteDb(IConfiguration configuration) =>
        string.Equals(Of(configuration) ?? LiteDb, LiteDb, StringComparison.OrdinalIgnoreCase);

    private static string? Of(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.SectionName)[nameof(StorageOptions.Provider)]?.Trim() is { Length: > 0 } value ? value : null;
}
