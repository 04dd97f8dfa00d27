namespace PaperBot.Testing.Fuzz;

/// <summary>Mutations below JSON: truncation, stray and invalid UTF-8 bytes, flipped bits, a BOM, two documents.</summary>
public static class ByteMutations
{
    private static readonly byte[][] Inserts = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], "}"u8.ToArray(), ",,"u8.ToArray(), "{\"type\":1}"u8.ToArray()];

    public static byte[] Apply(byte[] body, Random random)
    {
        var bytes = new List<byte>(body);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                default:
                    bytes.InsertRange(at, Inserts[random.Next(Inserts.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
