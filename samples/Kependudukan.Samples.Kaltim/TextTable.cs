namespace Kependudukan.Samples.Kaltim;

/// <summary>A plain-text table for the console: the first <c>leftColumns</c> columns left-aligned, the others right-aligned.</summary>
internal sealed class TextTable(int leftColumns, params string[] header)
{
    private readonly List<string[]> _rows = [];

    public string[] Header { get; } = header;

    public IReadOnlyList<string[]> Rows => _rows;

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter writer, bool boldLastRow = false)
    {
        var widths = Header.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i < leftColumns ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        writer.WriteLine(Line(Header));
        writer.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        for (var i = 0; i < _rows.Count; i++)
        {
            if (boldLastRow && i == _rows.Count - 1)
            {
                writer.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
            }

            writer.WriteLine(Line(_rows[i]));
        }
    }
}
