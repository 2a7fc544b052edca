using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kependudukan.Data.Internals;

/// <summary>Splits UTF-8 CSV input into records and cells (RFC 4180), straight from the bytes of a stream or from the text of
/// a reader encoded to UTF-8 block by block.</summary>
/// <remarks>
/// <para>The rules: a record ends at LF, CR LF or a lone CR outside quotes, or at the end of the input; a quote anywhere switches
/// quoting on or off, and separators and line breaks inside quotes belong to the cell; a cell that starts with a quote is
/// unescaped (outer quotes dropped, doubled quotes halved, text after the closing quote kept); a byte-order mark at the start
/// is skipped. Line numbers count LF, CR LF and lone CR, also inside quotes, and a record's line is the line it starts on.</para>
/// <para>Two ways to consume a record: <see cref="Remaining"/> and <see cref="Advance"/> let a parser that understands the
/// common shape read a record in place, and <see cref="TryReadRecord"/> splits any record into cells and decodes them
/// (invalid UTF-8 becomes U+FFFD, as a <see cref="StreamReader"/> would decode it).</para>
/// </remarks>
internal sealed class Utf8CsvReader
{
    internal const int DefaultBufferSize = 1 << 20;
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly Stream? _stream;
    private readonly TextReader? _text;
    private readonly Encoder? _encoder;
    private readonly char[]? _chars;
    private readonly SearchValues<byte> _special;
    private readonly byte _separator;
    private readonly long _length;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private long _line;
    private long _discarded;

    // The last record read by TryReadRecord: cell boundaries in _buffer and the decoded cells.
    private int[] _cellStarts = new int[32];
    private int[] _cellEnds = new int[32];
    private int[] _textStarts = new int[32];
    private int[] _textEnds = new int[32];
    private char[] _cellText = new char[256];

    private Utf8CsvReader(Stream? stream, TextReader? text, char separator, int bufferSize, long length, long firstLine, bool atStart)
    {
        _stream = stream;
        _text = text;
        _length = length;
        _line = firstLine;
        _started = !atStart;
        if (text is not null)
        {
            _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
            _chars = new char[bufferSize / 4];
        }

        _separator = checked((byte)separator);
        _special = SearchValues.Create([_separator, Quote, Cr, Lf]);
        _buffer = new byte[bufferSize];
    }

    /// <summary>Gets the line on which the next record starts.</summary>
    internal long Line => _line;

    /// <summary>Gets the number of cells of the last record read by <see cref="TryReadRecord"/>.</summary>
    internal int CellCount { get; private set; }

    /// <summary>Gets whether the last record read by <see cref="TryReadRecord"/> is an empty line.</summary>
    internal bool IsEmptyRecord => CellCount == 1 && _cellEnds[0] == _cellStarts[0];

    /// <summary>Gets whether the whole input is in the buffer, so the end of <see cref="Remaining"/> is the end of the input.</summary>
    internal bool IsFinal => _final;

    /// <summary>Gets the number of input bytes consumed so far.</summary>
    internal long Position => _discarded + _start;

    /// <summary>Gets the length of the input in bytes when the source is a stream that knows it (for a part of a file, the
    /// bytes up to the next part), or -1.</summary>
    internal long Length => _length;

    /// <summary>Gets the unread bytes in the buffer; the next record starts at the first of them.</summary>
    internal ReadOnlySpan<byte> Remaining => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Creates a reader of UTF-8 bytes from the start of the input; the stream is not disposed.</summary>
    internal static Utf8CsvReader FromStream(Stream stream, char separator, int bufferSize = DefaultBufferSize) =>
        new(stream, null, separator, bufferSize, stream.CanSeek ? stream.Length : -1, 1, atStart: true);

    /// <summary>Creates a reader of UTF-8 bytes that start at a record inside the input: no byte-order mark is looked for and
    /// lines are counted from 0.</summary>
    /// <param name="stream">The bytes from the record on; the stream is not disposed.</param>
    /// <param name="separator">The separator.</param>
    /// <param name="length">The bytes the caller expects to read (see <see cref="Length"/>).</param>
    /// <param name="bufferSize">The initial buffer size.</param>
    internal static Utf8CsvReader FromPart(Stream stream, char separator, long length, int bufferSize = DefaultBufferSize) =>
        new(stream, null, separator, bufferSize, length, 0, atStart: false);

    /// <summary>Creates a reader of text; the text reader is not disposed.</summary>
    internal static Utf8CsvReader FromText(TextReader text, char separator, int bufferSize = DefaultBufferSize) =>
        new(null, text, separator, bufferSize, -1, 1, atStart: true);

    /// <summary>Reads input until the buffer holds data or the input ends; returns whether any unread byte is buffered.</summary>
    internal bool EnsureData()
    {
        while (_start == _end && !_final)
        {
            Fill();
        }

        return _start < _end;
    }

    /// <summary>Consumes the first <paramref name="length"/> bytes of <see cref="Remaining"/>: <paramref name="records"/>
    /// records without line breaks inside them, with their line endings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Advance(int length, int records = 1)
    {
        _start += length;
        _line += records;
    }

    /// <summary>Reads the next record and decodes its cells; returns <see langword="false"/> at the end of the input.</summary>
    /// <param name="line">The line the record starts on.</param>
    internal bool TryReadRecord(out long line)
    {
        while (true)
        {
            var result = Frame(out var length, out var breaks);
            if (result < 0)
            {
                Fill();
                continue;
            }

            line = _line;
            if (result == 0)
            {
                CellCount = 0;
                return false;
            }

            Decode();
            _line += 1 + breaks;
            _start += length;
            return true;
        }
    }

    /// <summary>Returns the text of a cell of the last record read by <see cref="TryReadRecord"/>.</summary>
    internal ReadOnlySpan<char> Cell(int index) =>
        _cellText.AsSpan(_textStarts[index], _textEnds[index] - _textStarts[index]);

    /// <summary>Finds the cells and the end of the record at <see cref="_start"/>: 1 when found (with the bytes to consume,
    /// line ending included, and the line breaks inside quotes), 0 at the end of the input, -1 when more input is needed.</summary>
    private int Frame(out int length, out int breaks)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        length = 0;
        breaks = 0;
        if (data.IsEmpty && _final)
        {
            return 0;
        }

        var cells = 0;
        var cellStart = 0;
        var quoted = false;
        var i = 0;
        var block = new SpecialBlock(-SpecialBlock.Size, 0);
        while (true)
        {
            var k = NextSpecial(data, i, ref block);
            if (k < 0)
            {
                if (!_final)
                {
                    return -1;
                }

                AddCell(ref cells, cellStart, data.Length);
                length = data.Length;
                break;
            }

            i = k;
            var c = data[i];
            if (quoted)
            {
                if (c == Quote)
                {
                    quoted = false;
                }
                else if (c == Lf)
                {
                    breaks++;
                }
                else if (c == Cr)
                {
                    if (i + 1 == data.Length && !_final)
                    {
                        return -1;
                    }

                    if (i + 1 == data.Length || data[i + 1] != Lf)
                    {
                        breaks++;
                    }
                }

                i++;
                continue;
            }

            if (c == _separator)
            {
                AddCell(ref cells, cellStart, i);
                cellStart = ++i;
                continue;
            }

            if (c == Quote)
            {
                quoted = true;
                i++;
                continue;
            }

            var ending = 1;
            if (c == Cr)
            {
                if (i + 1 == data.Length && !_final)
                {
                    return -1;
                }

                if (i + 1 < data.Length && data[i + 1] == Lf)
                {
                    ending = 2;
                }
            }

            AddCell(ref cells, cellStart, i);
            length = i + ending;
            break;
        }

        CellCount = cells;
        return 1;
    }

    private void AddCell(ref int cells, int start, int end)
    {
        if (cells == _cellStarts.Length)
        {
            Array.Resize(ref _cellStarts, cells * 2);
            Array.Resize(ref _cellEnds, cells * 2);
            Array.Resize(ref _textStarts, cells * 2);
            Array.Resize(ref _textEnds, cells * 2);
        }

        _cellStarts[cells] = _start + start;
        _cellEnds[cells] = _start + end;
        cells++;
    }

    /// <summary>Returns the position of the first separator, quote or line break at or after <paramref name="from"/>, or -1:
    /// 32 bytes are classified at once into a bit mask, which the next calls reuse while they stay in its block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextSpecial(ReadOnlySpan<byte> data, int from, ref SpecialBlock block)
    {
        while (true)
        {
            var offset = from - block.Start;
            if (unchecked((uint)offset) < SpecialBlock.Size)
            {
                var pending = block.Mask & (uint.MaxValue << offset);
                if (pending != 0)
                {
                    return block.Start + BitOperations.TrailingZeroCount(pending);
                }

                from = block.Start + SpecialBlock.Size;
            }

            if (data.Length - from < SpecialBlock.Size || !Vector256.IsHardwareAccelerated)
            {
                var k = data[from..].IndexOfAny(_special);
                return k < 0 ? -1 : from + k;
            }

            var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)from);
            var special = Vector256.Equals(bytes, Vector256.Create(_separator)) | Vector256.Equals(bytes, Vector256.Create(Quote))
                | Vector256.Equals(bytes, Vector256.Create(Cr)) | Vector256.Equals(bytes, Vector256.Create(Lf));
            block = new SpecialBlock(from, special.ExtractMostSignificantBits());
        }
    }

    /// <summary>Decodes the cells of the framed record into <see cref="_cellText"/>, unescaping quoted cells: an ASCII record in
    /// one widening of all its bytes (the separators stay between the cells), any other cell by cell.</summary>
    private void Decode()
    {
        var first = _cellStarts[0];
        var bytes = _cellEnds[CellCount - 1] - first;
        if (_cellText.Length < bytes)
        {
            _cellText = new char[Math.Max(bytes, _cellText.Length * 2)];
        }

        if (Ascii.ToUtf16(_buffer.AsSpan(first, bytes), _cellText, out _) == OperationStatus.Done)
        {
            for (var cell = 0; cell < CellCount; cell++)
            {
                var start = _cellStarts[cell] - first;
                var length = _cellEnds[cell] - _cellStarts[cell];
                if (length > 0 && _cellText[start] == '"')
                {
                    length = Unescape(_cellText.AsSpan(start, length));
                }

                _textStarts[cell] = start;
                _textEnds[cell] = start + length;
            }

            return;
        }

        var position = 0;
        for (var cell = 0; cell < CellCount; cell++)
        {
            var raw = _buffer.AsSpan(_cellStarts[cell], _cellEnds[cell] - _cellStarts[cell]);
            var written = Encoding.UTF8.GetChars(raw, _cellText.AsSpan(position));
            if (written > 0 && _cellText[position] == '"')
            {
                written = Unescape(_cellText.AsSpan(position, written));
            }

            _textStarts[cell] = position;
            _textEnds[cell] = position + written;
            position += written;
        }
    }

    /// <summary>Unescapes a cell that starts with a quote in place and returns its new length: the first quote is dropped,
    /// then every quote that closes a quoted run, so a doubled quote inside quotes leaves one.</summary>
    internal static int Unescape(Span<char> cell)
    {
        var length = 0;
        var quotes = 1;
        for (var i = 1; i < cell.Length; i++)
        {
            var c = cell[i];
            cell[length] = c;
            if (c == '"')
            {
                quotes++;
                if ((quotes & 1) == 0)
                {
                    continue;
                }
            }

            length++;
        }

        return length;
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer when they fill it) and reads more input; at the start
    /// of the input, skips a byte-order mark.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _discarded += _start;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < 16)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        do
        {
            var read = _stream is not null ? _stream.Read(_buffer, _end, _buffer.Length - _end) : ReadText();
            if (read == 0)
            {
                _final = true;
                break;
            }

            _end += read;
        }
        while (!_started && _end < 3);

        if (!_started)
        {
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }

    /// <summary>Reads characters and encodes them to UTF-8 at the end of the buffer; returns 0 only at the end of the text.
    /// An unpaired surrogate becomes U+FFFD.</summary>
    private int ReadText()
    {
        var room = _buffer.Length - _end;
        var count = Math.Min(_chars!.Length, (room / 3) - 1);
        while (true)
        {
            var read = _text!.Read(_chars, 0, count);
            _encoder!.Convert(_chars, 0, read, _buffer, _end, room, flush: read == 0, out _, out var written, out _);
            if (written > 0 || read == 0)
            {
                return written;
            }
        }
    }

    /// <summary>A block of <see cref="Size"/> input bytes from <see cref="Start"/> on, with one bit set per special byte.</summary>
    private readonly record struct SpecialBlock(int Start, uint Mask)
    {
        internal const int Size = 32;
    }
}
