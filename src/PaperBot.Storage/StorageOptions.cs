using System.ComponentModel.DataAnnotations;

namespace PaperBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultPath = "data/paperbot.db";

    /// <summary>The LiteDB file; a relative path resolves against the working directory. Created on first start.</summary>
    [Required(
        AllowEmptyStrings = false,
        ErrorMessage = "Storage:Path is empty. Set it to the database file PaperBot keeps its state in, "
            + "e.g. \"data/paperbot.db\" (a relative path resolves against the working directory).")]
    public string Path { get; set; } = DefaultPath;

    /// <summary>Where the state lives: <c>LiteDb</c> (one file, one process) or <c>Postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = StorageProviders.LiteDb;

    /// <summary>The PostgreSQL connection string (Npgsql's format) when <see cref="Provider"/> is <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }
}
