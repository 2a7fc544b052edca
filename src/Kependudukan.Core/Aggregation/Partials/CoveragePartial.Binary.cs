using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Partials;

/// <content>The compact binary format (see <c>docs/partials-format.md</c>).</content>
public sealed partial class CoveragePartial
{
    /// <summary>The binary format version this library writes and reads.</summary>
    internal const ushort BinaryVersion = 1;

    /// <summary>Magic bytes, version and payload length.</summary>
    internal const int HeaderLength = 10;

    private const int ChecksumLength = 4;
    private const int MaxPayloadLength = 1 << 30;
    private const int ReadChunk = 1 << 16;
    private const byte IntervalFlag = 1;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Gets the magic bytes that start the binary form: ASCII <c>KPCP</c>.</summary>
    internal static ReadOnlySpan<byte> Magic => "KPCP"u8;

    /// <summary>Writes the partial in the compact binary format.</summary>
    /// <param name="stream">The stream to write to; it is left open, positioned after the partial.</param>
    /// <remarks>The format (version 1) is a 10-byte header (magic <c>KPCP</c>, version, payload length), a payload of
    /// little-endian fields and unsigned LEB128 varints with region codes delta-encoded, and a CRC-32 of everything before it.
    /// Equal partials give identical bytes. Several partials may follow each other in one stream.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Writing to <paramref name="stream"/> fails.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBinary());
    }

    /// <summary>Reads one partial written by <see cref="WriteTo"/>.</summary>
    /// <param name="stream">The stream to read from; it is left open, positioned after the partial.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The data is not a binary partial (wrong magic bytes), has an unsupported format
    /// version, is truncated, fails its checksum, or holds content that breaks a rule of <see cref="Create"/>; the message says which.</exception>
    /// <exception cref="IOException">Reading from <paramref name="stream"/> fails.</exception>
    public static CoveragePartial ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        var read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        var payloadLength = CheckHeader(header[..read]);
        var total = HeaderLength + payloadLength + ChecksumLength;
        var data = new byte[Math.Min(total, ReadChunk)];
        header.CopyTo(data);
        var length = HeaderLength;
        while (length < total)
        {
            if (length == data.Length)
            {
                Array.Resize(ref data, (int)Math.Min(total, 2L * data.Length));
            }

            var n = stream.Read(data, length, data.Length - length);
            if (n == 0)
            {
                throw Corrupt(Invariant($"Truncated coverage partial: the stream ended after {length} of its {total} bytes."));
            }

            length += n;
        }

        return Decode(data);
    }

    /// <summary>Encodes the partial in the binary format.</summary>
    internal byte[] ToBinary()
    {
        var writer = new ArrayBufferWriter<byte>(HeaderLength + 64 + (_rows.Count * 24));
        writer.Write(Magic);
        Span<byte> fixedPart = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart, BinaryVersion);
        writer.Write(fixedPart[..2]);
        writer.Write(fixedPart[..4]); // payload length, patched below
        writer.Write([NewlyWajibKtpInterval is null ? (byte)0 : IntervalFlag, (byte)Level]);
        BinaryPrimitives.WriteUInt64LittleEndian(fixedPart, PolicyId.Value);
        writer.Write(fixedPart);
        WriteDate(writer, AsOf);
        if (NewlyWajibKtpInterval is { } interval)
        {
            WriteDate(writer, interval.Start);
            WriteDate(writer, interval.End);
        }

        WriteVarint(writer, (ulong)_sources.Length);
        foreach (var source in _sources)
        {
            var bytes = s_strictUtf8.GetBytes(source);
            WriteVarint(writer, (ulong)bytes.Length);
            writer.Write(bytes);
        }

        WriteCodes(writer, _scope);
        WriteCodes(writer, _rows.Regions);
        Span<long> values = stackalloc long[CountFields.Count];
        foreach (var counts in _rows.Counts)
        {
            CountFields.Read(counts, values);
            foreach (var value in values)
            {
                WriteVarint(writer, (ulong)value);
            }
        }

        var result = new byte[writer.WrittenCount + ChecksumLength];
        writer.WrittenSpan.CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(6), writer.WrittenCount - HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(writer.WrittenCount), Crc32.Compute(result.AsSpan(0, writer.WrittenCount)));
        return result;
    }

    /// <summary>Checks the magic bytes and version of a header (possibly cut short); returns the payload length.</summary>
    private static int CheckHeader(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            throw Corrupt("The stream is empty: expected a binary coverage partial.");
        }

        if (!header[..Math.Min(header.Length, Magic.Length)].SequenceEqual(Magic[..Math.Min(header.Length, Magic.Length)]))
        {
            var hint = header[0] == (byte)'{' ? " It looks like JSON: read it with ReadJsonFrom." : string.Empty;
            throw Corrupt(Invariant($"Not a binary coverage partial: it starts with {Convert.ToHexString(header[..Math.Min(header.Length, Magic.Length)])}, not the magic bytes 4B504350 (\"KPCP\").{hint}"));
        }

        if (header.Length >= 6 && BinaryPrimitives.ReadUInt16LittleEndian(header[4..]) is var version && version != BinaryVersion)
        {
            throw Corrupt(Invariant($"Unsupported coverage partial format version {version}; this library reads version {BinaryVersion}."));
        }

        if (header.Length < HeaderLength)
        {
            throw Corrupt(Invariant($"Truncated coverage partial: the stream ended after {header.Length} of the {HeaderLength} header bytes."));
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[6..]);
        return length <= MaxPayloadLength
            ? (int)length
            : throw Corrupt(Invariant($"Corrupt coverage partial: the declared payload length {length} exceeds the limit of {MaxPayloadLength} bytes."));
    }

    /// <summary>Decodes a whole binary partial: header, payload and checksum.</summary>
    private static CoveragePartial Decode(ReadOnlySpan<byte> data)
    {
        var end = data.Length - ChecksumLength;
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(data[end..]);
        var computed = Crc32.Compute(data[..end]);
        if (stored != computed)
        {
            throw Corrupt(Invariant($"Corrupt coverage partial: its CRC-32 is {computed:X8} but {stored:X8} is stored."));
        }

        var reader = new PayloadReader(data[HeaderLength..end]);
        var flags = reader.Byte("flags");
        if ((flags & ~IntervalFlag) != 0)
        {
            reader.Fail(Invariant($"unknown flags {flags:X2}"));
        }

        var level = (RegionLevel)reader.Byte("level");
        var policyError = CountingPolicyId.TryFromValue(reader.UInt64("policy id"), out var policyId);
        if (policyError is not null)
        {
            reader.Fail(policyError);
        }

        var asOf = reader.Date("as-of date");
        DateInterval? interval = null;
        if ((flags & IntervalFlag) != 0)
        {
            var start = reader.Date("interval start");
            var finish = reader.Date("interval end");
            interval = finish >= start ? new DateInterval(start, finish) : reader.Fail<DateInterval>("the newly-wajib-KTP interval ends before it starts");
        }

        var sources = new string[reader.Count("source count", 2)];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = reader.Utf8(Invariant($"source {i}"));
        }

        var scope = reader.Codes("scope", 1);
        var regions = reader.Codes("row", 1 + CountFields.Count);
        var counts = new CoverageCounts[regions.Length];
        Span<long> values = stackalloc long[CountFields.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            for (var f = 0; f < values.Length; f++)
            {
                values[f] = reader.Long(CountFields.JsonNames[f]);
            }

            counts[i] = CountFields.Create(values);
        }

        if (!reader.AtEnd)
        {
            reader.Fail("unexpected bytes after the last row");
        }

        return TryBuild(asOf, interval, policyId, level, scope, regions, counts, sources, out var error)
            ?? throw Corrupt(Invariant($"Invalid coverage partial: {error.Format(BinaryLocation)}"));
    }

    private static string? BinaryLocation(PartialPart part, int index) =>
        index < 0 ? null : Invariant($"{part switch { PartialPart.Scope => "scope", PartialPart.Sources => "sources", _ => "rows" }}[{index}]");

    private static InvalidDataException Corrupt(string message) => new(message);

    private static void WriteDate(ArrayBufferWriter<byte> writer, LocalDate date)
    {
        var span = writer.GetSpan(4);
        BinaryPrimitives.WriteInt16LittleEndian(span, (short)date.Year);
        span[2] = (byte)date.Month;
        span[3] = (byte)date.Day;
        writer.Advance(4);
    }

    private static void WriteCodes(ArrayBufferWriter<byte> writer, ReadOnlySpan<RegionCode> codes)
    {
        WriteVarint(writer, (ulong)codes.Length);
        var previous = 0L;
        foreach (var code in codes)
        {
            WriteVarint(writer, (ulong)(code.PaddedValue - previous));
            previous = code.PaddedValue;
        }
    }

    private static void WriteVarint(ArrayBufferWriter<byte> writer, ulong value)
    {
        var span = writer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)((value & 0x7F) | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        writer.Advance(n);
    }

    /// <summary>Reads payload fields; every failure names the field and its byte offset in the payload.</summary>
    private ref struct PayloadReader(ReadOnlySpan<byte> payload)
    {
        private readonly ReadOnlySpan<byte> _payload = payload;
        private int _position;

        internal readonly bool AtEnd => _position == _payload.Length;

        internal byte Byte(string field) => Take(1, field)[0];

        internal ulong UInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

        internal LocalDate Date(string field)
        {
            var start = _position;
            var bytes = Take(4, field);
            int year = BinaryPrimitives.ReadInt16LittleEndian(bytes);
            int month = bytes[2];
            int day = bytes[3];
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                _position = start;
                Fail(Invariant($"the {field} {year:D4}-{month:D2}-{day:D2} is not a date in years 1-9999"));
            }

            return new LocalDate(year, month, day);
        }

        /// <summary>Reads an element count, refusing one that cannot fit in the remaining bytes.</summary>
        internal int Count(string field, int minBytesEach)
        {
            var start = _position;
            var count = Varint(field);
            if (count > (ulong)((_payload.Length - _position) / minBytesEach))
            {
                _position = start;
                Fail(Invariant($"the {field} {count} exceeds what the remaining {_payload.Length - _position} bytes can hold"));
            }

            return (int)count;
        }

        internal long Long(string field)
        {
            var start = _position;
            var value = Varint(field);
            if (value > long.MaxValue)
            {
                _position = start;
                Fail(Invariant($"{field} {value} exceeds the 64-bit signed range"));
            }

            return (long)value;
        }

        internal string Utf8(string field)
        {
            var length = Count(field + " length", 1);
            var start = _position;
            try
            {
                return s_strictUtf8.GetString(Take(length, field));
            }
            catch (DecoderFallbackException)
            {
                _position = start;
                return Fail<string>(Invariant($"{field} is not valid UTF-8"));
            }
        }

        /// <summary>Reads a count and delta-encoded, strictly ascending region codes.</summary>
        internal RegionCode[] Codes(string field, int minBytesEach)
        {
            var codes = new RegionCode[Count(field + " count", minBytesEach)];
            var previous = 0L;
            for (var i = 0; i < codes.Length; i++)
            {
                var start = _position;
                var delta = Varint(Invariant($"{field} {i}"));
                if (delta == 0 || delta > 9_999_999_999)
                {
                    _position = start;
                    Fail(Invariant($"{field} {i} does not follow {field} {i - 1} in ascending code order"));
                }

                previous += (long)delta;
                try
                {
                    codes[i] = RegionCode.FromPaddedValue(previous);
                }
                catch (ArgumentOutOfRangeException)
                {
                    _position = start;
                    Fail(Invariant($"{field} {i} has the value {previous}, which is not a region code"));
                }
            }

            return codes;
        }

        [DoesNotReturn]
        internal readonly void Fail(string message) =>
            throw Corrupt(Invariant($"Corrupt coverage partial: {message.TrimEnd('.')} (payload byte {_position})."));

        internal readonly T Fail<T>(string message)
        {
            Fail(message);
            return default!;
        }

        private ulong Varint(string field)
        {
            var start = _position;
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Take(1, field)[0];
                if (shift == 63 && b > 1)
                {
                    break;
                }

                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    if (b == 0 && shift > 0)
                    {
                        break;
                    }

                    return value;
                }
            }

            _position = start;
            return Fail<ulong>(Invariant($"{field} is not a minimal 64-bit varint"));
        }

        private ReadOnlySpan<byte> Take(int length, string field)
        {
            if (_payload.Length - _position < length)
            {
                Fail(Invariant($"the payload ends inside {field}"));
            }

            var span = _payload.Slice(_position, length);
            _position += length;
            return span;
        }
    }
}
