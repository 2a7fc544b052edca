using System.Buffers.Binary;
using System.Text;
using CsCheck;
using Kependudukan.Aggregation.Partials;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Aggregation.Partials.PartialTestData;

namespace Kependudukan.Tests.Aggregation.Partials;

public class CoveragePartialBinaryTests
{
    /// <summary>Random partials: a random population split into disjoint scopes, one of the parts, at a random level and settings.</summary>
    internal static readonly Gen<CoveragePartial> RandomPartial =
        from residents in Population
        from level in Level
        from settings in Settings
        from interval in NewlyInterval
        from seed in Gen.Int
        select RandomPart(residents, level, settings, interval, seed);

    /// <summary>Single-row partials with counts anywhere in the 64-bit range.</summary>
    internal static readonly Gen<CoveragePartial> ExtremePartial =
        from interval in NewlyInterval
        from counts in Counts(long.MaxValue, interval is not null)
        from village in Village
        select CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [village.ToLevel(RegionLevel.Province)], [new(village, counts)], interval);

    private static CoveragePartial RandomPart(Resident[] residents, RegionLevel level, (KtpEligibilityPolicy Policy, RecordingStatusMapping Mapping) settings, DateInterval? interval, int seed)
    {
        var (random, _, partials) = SplitAndCount(residents, level, settings, interval, seed, maxGroups: 3);
        return random.Next(2) == 0 ? partials[random.Next(partials.Count)] : CoveragePartial.Merge(partials);
    }

    private static byte[] ToBytes(CoveragePartial partial)
    {
        using var stream = new MemoryStream();
        partial.WriteTo(stream);
        return stream.ToArray();
    }

    private static CoveragePartial FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return CoveragePartial.ReadFrom(stream);
    }

    private static string ReadFails(byte[] bytes) => Assert.Throws<InvalidDataException>(() => FromBytes(bytes)).Message;

    /// <summary>Rewrites the payload length and the checksum after a test changed the payload on purpose.</summary>
    private static byte[] Reseal(byte[] bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(6), bytes.Length - 14);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        return bytes;
    }

    /// <summary>Regency 64.72 with one row of the sample counts: small enough to lay out by hand.</summary>
    private static CoveragePartial Tiny() =>
        CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72")], [new(Code("64.72"), Sample())]);

    [Fact]
    public void Crc32_CheckValues()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
        Assert.Equal(0x414FA339u, Crc32.Compute("The quick brown fox jumps over the lazy dog"u8));
    }

    [Fact]
    public void WriteTo_Tiny_MatchesTheDocumentedLayout()
    {
        // Laid out by hand from docs/partials-format.md; the CRC-32 was computed with zlib.
        const string Expected =
            "4B504350" + "0100" + "2A000000"          // magic KPCP, version 1, payload length 42
            + "00" + "02"                              // flags (no interval), level Regency
            + "6766453423221211"                       // policy id 1112222334456667, little-endian
            + "E807" + "06" + "1E"                     // as of 2024-06-30
            + "00"                                     // no sources
            + "01" + "80C48B8E18"                      // one scope code: 6472000000
            + "01" + "80C48B8E18"                      // one row: 6472000000
            + "0A07060105040301000302030100" + "00"    // the 15 counts of Sample()
            + "CEE3F78F";                              // CRC-32
        Assert.Equal(Expected, Convert.ToHexString(ToBytes(Tiny())));
    }

    [Fact]
    public void RoundTrip_RandomPartials_AreEqualAndReencodeIdentically() =>
        RandomPartial.Sample(partial =>
        {
            var bytes = ToBytes(partial);
            var read = FromBytes(bytes);
            Assert.Equal(partial, read);
            Assert.Equal(bytes, ToBytes(read));
        }, iter: 60);

    [Fact]
    public void RoundTrip_ExtremeCounts_AreEqual() =>
        ExtremePartial.Sample(partial => Assert.Equal(partial, FromBytes(ToBytes(partial))), iter: 200);

    [Fact]
    public void RoundTrip_IntervalSourcesAndManyScopes_AreEqual()
    {
        var interval = new DateInterval(new LocalDate(2024, 1, 1), AsOf);
        var partial = CoveragePartial.Create(
            new LocalDate(9999, 12, 31),
            CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28)),
            RegionLevel.Province,
            [Code("11"), Code("64.72.01.1001"), Code("99.99.99.9999")],
            [new(Code("64"), Sample() with { NewlyWajibKtp = 3 })],
            interval,
            ["Disdukcapil Kota Samarinda", "Dinas Kependudukan dan Pencatatan Sipil — Provinsi Kalimantan Timur"]);
        Assert.Equal(partial, FromBytes(ToBytes(partial)));
    }

    [Fact]
    public void ReadFrom_SeveralPartialsInOneStream_ReadsEachInTurn()
    {
        using var stream = new MemoryStream();
        Samarinda().WriteTo(stream);
        Balikpapan().WriteTo(stream);
        stream.Position = 0;
        Assert.Equal(Samarinda(), CoveragePartial.ReadFrom(stream));
        Assert.Equal(Balikpapan(), CoveragePartial.ReadFrom(stream));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void ReadFrom_AnyFlippedByte_IsRejected()
    {
        var bytes = ToBytes(Samarinda(interval: new DateInterval(new LocalDate(2024, 1, 1), AsOf)));
        for (var position = 0; position < bytes.Length; position++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                var corrupt = (byte[])bytes.Clone();
                corrupt[position] ^= mask;
                var message = ReadFails(corrupt);
                var expectedStart = position switch
                {
                    < 4 => "Not a binary coverage partial: it starts with ",
                    < 6 => "Unsupported coverage partial format version ",
                    < 10 => "",
                    _ => "Corrupt coverage partial: its CRC-32 is ",
                };
                Assert.StartsWith(expectedStart, message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ReadFrom_AnyTruncation_IsRejected()
    {
        var bytes = ToBytes(Samarinda());
        Assert.Equal("The stream is empty: expected a binary coverage partial.", ReadFails([]));
        Assert.Equal("Truncated coverage partial: the stream ended after 7 of the 10 header bytes.", ReadFails(bytes[..7]));
        Assert.Equal($"Truncated coverage partial: the stream ended after {bytes.Length - 1} of its {bytes.Length} bytes.", ReadFails(bytes[..^1]));
        for (var length = 1; length < bytes.Length; length++)
        {
            Assert.StartsWith("Truncated coverage partial: the stream ended after ", ReadFails(bytes[..length]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadFrom_UnknownVersion_IsRejected()
    {
        var bytes = ToBytes(Samarinda());
        bytes[4] = 2;
        Assert.Equal("Unsupported coverage partial format version 2; this library reads version 1.", ReadFails(bytes));
    }

    [Fact]
    public void ReadFrom_Json_IsRejectedWithAHint() =>
        Assert.Equal(
            "Not a binary coverage partial: it starts with 7B22666F, not the magic bytes 4B504350 (\"KPCP\"). It looks like JSON: read it with ReadJsonFrom.",
            ReadFails(Encoding.UTF8.GetBytes(Samarinda().ToJson())));

    [Fact]
    public void ReadFrom_HugeDeclaredLength_IsRejectedBeforeReading()
    {
        var bytes = ToBytes(Samarinda());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(6), uint.MaxValue);
        Assert.Equal("Corrupt coverage partial: the declared payload length 4294967295 exceeds the limit of 1073741824 bytes.", ReadFails(bytes));
    }

    [Fact]
    public void ReadFrom_SealedButInvalidContent_IsRejected()
    {
        var bytes = ToBytes(Tiny());
        var level = (byte[])bytes.Clone();
        level[11] = 7;
        Assert.Equal("Invalid coverage partial: Level should be Province, Regency, District or Village; got 7.", ReadFails(Reseal(level)));

        var flags = (byte[])bytes.Clone();
        flags[10] = 0x02;
        Assert.Equal("Corrupt coverage partial: unknown flags 02 (payload byte 1).", ReadFails(Reseal(flags)));

        var month = (byte[])bytes.Clone();
        month[22] = 13;
        Assert.Equal("Corrupt coverage partial: the as-of date 2024-13-30 is not a date in years 1-9999 (payload byte 10).", ReadFails(Reseal(month)));

        var policy = (byte[])bytes.Clone();
        policy[19] = 0x21; // most significant byte of the id: layout version 2
        Assert.Equal("Corrupt coverage partial: Counting policy id 2112222334456667 has layout version 2; this library knows version 1 (payload byte 10).", ReadFails(Reseal(policy)));

        Assert.Equal("Corrupt coverage partial: unexpected bytes after the last row (payload byte 42).", ReadFails(Reseal([.. bytes[..^4], 0, 0, 0, 0, 0])));

        var wajib = (byte[])bytes.Clone();
        wajib[41] = 8; // Recorded 8 of WajibKtp 7
        Assert.Equal("Invalid coverage partial: rows[0]: Counts of 64.72 break a rule: Recorded (8) should be at most WajibKtp (7).", ReadFails(Reseal(wajib)));
    }

    [Fact]
    public void ReadFrom_NonMinimalVarint_IsRejected()
    {
        var bytes = ToBytes(Tiny());

        // The last count (NewlyWajibKtp, 0) written in two bytes instead of one.
        byte[] padded = [.. bytes[..^5], 0x80, 0x00, 0, 0, 0, 0];
        Assert.Equal("Corrupt coverage partial: newlyWajibKtp is not a minimal 64-bit varint (payload byte 41).", ReadFails(Reseal(padded)));
    }

    [Fact]
    public void ReadFrom_RegionsOutOfOrder_AreRejected()
    {
        var partial = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64")], [new(Code("64.71"), Sample()), new(Code("64.72"), Sample())]);
        var bytes = ToBytes(partial);

        // The second row's delta (1000000, three bytes C0 84 3D) becomes 0: the same region again.
        var at = Convert.ToHexString(bytes).IndexOf("C0843D", StringComparison.Ordinal) / 2;
        byte[] repeated = [.. bytes[..at], 0x00, .. bytes[(at + 3)..]];
        Assert.Equal($"Corrupt coverage partial: row 1 does not follow row 0 in ascending code order (payload byte {at - 10}).", ReadFails(Reseal(repeated)));
    }

    [Fact]
    public void WriteToAndReadFrom_NullStream_Throw()
    {
        Assert.Throws<ArgumentNullException>("stream", () => Samarinda().WriteTo(null!));
        Assert.Throws<ArgumentNullException>("stream", () => CoveragePartial.ReadFrom(null!));
    }
}
