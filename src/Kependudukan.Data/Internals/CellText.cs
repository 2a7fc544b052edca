using System.Globalization;

namespace Kependudukan.Data.Internals;

/// <summary>Turns typed values from databases and Parquet files into the text the field parsers read, so every source
/// follows the same rules and reports the same problems.</summary>
internal static class CellText
{
    /// <summary>Large enough for any value this class formats (a round-trip <see cref="DateTime"/> has 27 characters).</summary>
    internal const int ScratchLength = 48;

    internal static ReadOnlySpan<char> Int64(long value, Span<char> scratch)
    {
        value.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture);
        return scratch[..written];
    }

    internal static ReadOnlySpan<char> Date(DateOnly value, Span<char> scratch)
    {
        value.TryFormat(scratch, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return scratch[..written];
    }

    /// <summary>Formats a date-time at midnight as its date; any other time is kept, so the date parser rejects it.</summary>
    internal static ReadOnlySpan<char> DateTime(DateTime value, Span<char> scratch)
    {
        value.TryFormat(scratch, out var written, value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "O", CultureInfo.InvariantCulture);
        return scratch[..written];
    }

    internal static ReadOnlySpan<char> Flag(bool value) => value ? "1" : "0";

    /// <summary>Formats a value a database returned; a whole-number decimal or double is written without a fraction.</summary>
    internal static ReadOnlySpan<char> Value(object value, Span<char> scratch) => value switch
    {
        string s => s,
        DateOnly d => Date(d, scratch),
        DateTime d => DateTime(d, scratch),
        DateTimeOffset d => DateTime(d.DateTime, scratch),
        bool b => Flag(b),
        long l => Int64(l, scratch),
        int i => Int64(i, scratch),
        short s => Int64(s, scratch),
        byte b => Int64(b, scratch),
        decimal m when m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue => Int64((long)m, scratch),
        double x when x == Math.Truncate(x) && Math.Abs(x) < 9e15 => Int64((long)x, scratch),
        ISpanFormattable f when f.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture) => scratch[..written],
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
