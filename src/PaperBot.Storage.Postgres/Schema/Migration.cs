namespace PaperBot.Storage.Postgres.Schema;

/// <summary>One versioned step of the schema: applied once, in a transaction with its <c>schema_version</c> row.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
