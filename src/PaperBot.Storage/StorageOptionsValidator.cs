using Microsoft.Extensions.Options;

namespace PaperBot.Storage;

/// <summary>Checks the provider choice and that PostgreSQL has a connection string, naming the key in each message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = options.Provider?.Trim();
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, StorageProviders.LiteDb, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        if (!string.Equals(provider, StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider is \"{provider}\". Set it to \"{StorageProviders.LiteDb}\" (one database file, the default) "
                + $"or \"{StorageProviders.Postgres}\" (a PostgreSQL server, with Storage:ConnectionString).");
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                "Storage:ConnectionString is empty but Storage:Provider is Postgres. Set it to the PostgreSQL server, e.g. "
                + "\"Host=db.internal;Port=5432;Database=paperbot;Username=paperbot;Password=...\" (better in an environment "
                + "variable, PaperBot__Storage__ConnectionString, than in a file).")
            : ValidateOptionsResult.Success;
    }
}
