namespace Kependudukan.Aggregation.Partials;

/// <summary>CRC-32 as in ISO-HDLC, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF).</summary>
/// <remarks>The check value of the ASCII text <c>123456789</c> is <c>0xCBF43926</c>. It detects every error burst up to 32 bits long,
/// so every changed byte.</remarks>
internal static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    internal static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in data)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
