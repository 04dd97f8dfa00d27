using LiteDB;

namespace PaperBot.Storage;

/// <summary>The BSON mapper for PaperBot's documents; a private instance so that <see cref="BsonMapper.Global"/> stays untouched.</summary>
internal static class StoreMapper
{
    public static BsonMapper Instance { get; } = new()
    {
        // LiteDB's defaults trim strings and store "" as null; a store must give back exactly what it was given.
        TrimWhitespace = false,
        EmptyStringToNull = false,
        SerializeNullValues = false,
    };
}
