namespace PaperBot.Storage.Postgres.Copying;

/// <summary>Thrown when the target database already holds PaperBot data and the copy was not forced.</summary>
public sealed class StoreCopyRefusedException(string where, StoreCounts found)
    : Exception($"The PostgreSQL database {where} is not empty ({Describe(found)}). Nothing was copied. Point --to at an empty database, "
        + "or add --force to replace everything in it with the LiteDB file's contents.")
{
    public StoreCounts Found => found;

    private static string Describe(StoreCounts counts) =>
        string.Join(", ", counts.ByKind.Where(k => k.Count > 0).Select(k => $"{k.Count} {k.Kind}"));
}
