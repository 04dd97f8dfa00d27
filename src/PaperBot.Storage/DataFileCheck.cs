using System.Text;

namespace PaperBot.Storage;

/// <summary>
/// Refuses a file that is not a LiteDB 5 database before LiteDB touches it. LiteDB 5.0 "repairs" a data file
/// whose length is not a whole number of pages by truncating it, and formats a file it truncated to nothing,
/// so pointing Storage:Path at the wrong file would silently destroy it.
/// </summary>
internal static class DataFileCheck
{
    // Layout of LiteDB 5's header page (LiteDB.Engine.HeaderPage).
    private const int PageSize = 8192;
    private const int SignatureOffset = 32;
    private const int VersionOffset = 59;
    private const byte FileVersion = 8;
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Returns when the file is absent, empty (LiteDB formats it) or starts with a LiteDB 5 header.</summary>
    public static void EnsureLiteDbOrNew(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        if (info.Length < PageSize)
        {
            throw new StoreOpenException(path, $"it is {info.Length} bytes long, too short to be a LiteDB database.");
        }

        var header = new byte[VersionOffset + 1];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header.AsSpan(SignatureOffset, Signature.Length).SequenceEqual(Signature))
        {
            throw new StoreOpenException(path, "it is not a LiteDB database (its header lacks the LiteDB signature).");
        }

        if (header[VersionOffset] != FileVersion)
        {
            throw new StoreOpenException(
                path, $"it is a LiteDB file of format version {header[VersionOffset]}; PaperBot reads version {FileVersion} (LiteDB 5).");
        }
    }
}
