using System.Buffers.Binary;
using System.IO.Compression;

namespace Kependudukan.Regions;

public sealed partial class RegionCatalog
{
    // Built from data/idn-area-data/*.csv by eng/RegionData (see CompressRegionData.cs there for the format).
    private const string ResourceName = "Kependudukan.Regions.RegionCatalog.krc";

    private static readonly Lazy<RegionCatalog> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the official Kemendagri list embedded in the package, loaded on first use.</summary>
    /// <value>The shared default catalog: 38 provinces, 514 regencies/cities, 7,285 districts and 83,762 villages
    /// (Kepmendagri 300.2.2-2138/2025, from idn-area-data 4.0.1 under the ODbL 1.0).</value>
    /// <remarks>The first access decompresses the list (a few milliseconds, about 3 MB); later accesses return the same
    /// instance. Names are decoded from UTF-8 on first lookup and then cached. Concurrent first accesses load it once.</remarks>
    public static RegionCatalog Default => s_default.Value;

    /// <summary>Loads a new catalog from the embedded resource; <see cref="Default"/> calls it once.</summary>
    /// <returns>A new catalog.</returns>
    internal static RegionCatalog LoadEmbedded()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded region list '{ResourceName}' is missing from the assembly.");
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual("KRC1"u8))
        {
            throw new InvalidDataException($"The embedded region list '{ResourceName}' has an unknown format.");
        }

        var payload = GC.AllocateUninitializedArray<byte>(BinaryPrimitives.ReadInt32LittleEndian(header[4..]));
        using (var deflate = new DeflateStream(stream, CompressionMode.Decompress))
        {
            deflate.ReadExactly(payload);
        }

        return Decode(payload);
    }

    private static RegionCatalog Decode(byte[] payload)
    {
        var position = 0;
        var codes = new RegionCode[4][];
        var offsets = new int[4][];
        for (var level = 0; level < 4; level++)
        {
            var count = (int)ReadVarint(payload, ref position);
            codes[level] = new RegionCode[count];
            offsets[level] = new int[count + 1];
        }

        foreach (var level in codes)
        {
            long padded = 0;
            for (var i = 0; i < level.Length; i++)
            {
                padded += ReadVarint(payload, ref position);
                level[i] = new RegionCode(padded);
            }
        }

        // Lengths first, then the names: turn each level's lengths into absolute offsets of its names in the payload.
        foreach (var level in offsets)
        {
            for (var i = 1; i < level.Length; i++)
            {
                level[i] = (int)ReadVarint(payload, ref position);
            }
        }

        foreach (var level in offsets)
        {
            level[0] = position;
            for (var i = 1; i < level.Length; i++)
            {
                position = level[i] += level[i - 1];
            }
        }

        if (position != payload.Length)
        {
            throw new InvalidDataException($"The embedded region list '{ResourceName}' is corrupt.");
        }

        return new RegionCatalog(codes, payload, offsets);
    }

    private static long ReadVarint(byte[] buffer, ref int position)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
