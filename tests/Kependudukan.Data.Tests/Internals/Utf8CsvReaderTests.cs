using System.Text;
using CsCheck;
using Kependudukan.Data.Internals;
using nietras.SeparatedValues;

namespace Kependudukan.Data.Tests.Internals;

/// <summary>The UTF-8 record reader against Sep, the CSV reader the loader used before: the same records, cells and lines.</summary>
public sealed class Utf8CsvReaderTests
{
    private static readonly Gen<string> s_cell = Gen.OneOf(
        Gen.OneOf<string>("", "a", "b c", " x ", "12", "é", "日本", "\"q\"", "\"x,y\"", "\"multi\nline\"", "\"cr\rlf\r\n\"", "\"a\"\"b\"",
            "ab\"c", "\"open", "\"\"", "\"a\"b", "x;y", "\t"),
        Gen.String[Gen.Char["ab,\"\r\n é"], 0, 6],
        // Long ASCII cells: records across several 32-byte blocks of the reader's classification, decoded in one widening.
        Gen.String[Gen.Char["ab,\"\r\n x"], 20, 70]);

    private static readonly Gen<string> s_csv =
        Gen.Select(s_cell.Array[1, 5], Gen.OneOf<string>("\n", "\r\n", "\r", "\n\n", "\r\n\r\n")).Array[0, 12]
            .Select(Gen.Bool, (records, trailing) =>
            {
                var text = new StringBuilder();
                for (var i = 0; i < records.Length; i++)
                {
                    text.AppendJoin(',', records[i].Item1);
                    if (i < records.Length - 1 || trailing)
                    {
                        text.Append(records[i].Item2);
                    }
                }

                return text.ToString();
            });

    [Fact]
    public void TryReadRecord_RandomCsv_SameRecordsAsSep()
    {
        s_csv.Sample(csv =>
        {
            var expected = ReadWithSep(csv);
            Assert.Equal(expected, Read(Utf8CsvReader.FromText(new StringReader(csv), ',', bufferSize: 64)));
            Assert.Equal(expected, Read(Utf8CsvReader.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ',', bufferSize: 16)));
            Assert.Equal(expected, Read(Utf8CsvReader.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ',')));
        }, iter: 2_000);
    }

    [Fact]
    public void FromStream_ByteOrderMark_Skipped()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFa,b\nc,d\n");

        Assert.Equal([Record(1, ["a", "b"]), Record(2, ["c", "d"])], Read(Utf8CsvReader.FromStream(new MemoryStream(bytes), ',', bufferSize: 16)));
    }

    [Fact]
    public void FromStream_InvalidUtf8_DecodedAsStreamReaderDoes()
    {
        // Truncated and invalid sequences around separators and quotes; a byte-order mark only counts at the start.
        byte[][] pieces = [[0xE2, 0x82], [0xFF], [0xC3, 0xA9], "a"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), [0xEF, 0xBB, 0xBF]];
        Gen.Int[0, pieces.Length - 1].Array[0, 30].Sample(choice =>
        {
            var bytes = choice.SelectMany(i => pieces[i]).ToArray();
            var expected = ReadWithSep(new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadToEnd());
            Assert.Equal(expected, Read(Utf8CsvReader.FromStream(new MemoryStream(bytes), ',', bufferSize: 16)));
        }, iter: 1_000);
    }

    [Fact]
    public void FromText_UnpairedSurrogate_BecomesReplacementCharacter()
    {
        var reader = Utf8CsvReader.FromText(new StringReader("a\uD800,b\n"), ',');

        Assert.Equal([Record(1, ["a\uFFFD", "b"])], Read(reader));
    }

    [Fact]
    public void TryReadRecord_RecordLongerThanBuffer_BufferGrows()
    {
        var cell = new string('x', 1000);
        var csv = $"{cell},\"{cell}\n{cell}\"\nz\n";

        Assert.Equal(ReadWithSep(csv), Read(Utf8CsvReader.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ',', bufferSize: 16)));
    }

    /// <summary>Each record as its line and its cells, joined with a character no test cell has.</summary>
    private static List<string> Read(Utf8CsvReader reader)
    {
        var records = new List<string>();
        while (reader.TryReadRecord(out var line))
        {
            records.Add(Record(line, Enumerable.Range(0, reader.CellCount).Select(i => reader.Cell(i).ToString())));
        }

        return records;
    }

    private static List<string> ReadWithSep(string csv)
    {
        var records = new List<string>();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(csv);
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            // Sep 0.17.1 reports a later line for the first row (the loader always took line 1 for the header).
            records.Add(Record(records.Count == 0 ? 1 : row.LineNumberFrom, cells));
        }

        return records;
    }

    private static string Record(long line, IEnumerable<string> cells) => TestRows.Invariant($"{line}: {string.Join('\u0001', cells)}");
}
