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
        if (value < 0)
        {
            value.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture);
            return scratch[..written];
        }

        // Digits by hand, at the start of the scratch: the invariant formatter is several times slower on the per-cell
        // path of Parquet loads.
        var length = 1;
        for (var rest = value / 10; rest != 0; rest /= 10)
        {
            length++;
        }

        for (var pos = length - 1; pos >= 0; pos--)
        {
            scratch[pos] = (char)('0' + (value % 10));
            value /= 10;
        }

        return scratch[..length];
    }

    internal static ReadOnlySpan<char> Date(DateOnly value, Span<char> scratch) => scratch[..WriteDate(value.Year, value.Month, value.Day, scratch)];

    /// <summary>Writes <c>yyyy-MM-dd</c> for a year in range [1-9999]; returns the number of characters written (10).</summary>
    internal static int WriteDate(int year, int month, int day, Span<char> destination)
    {
        WriteDigits(year, destination[..4]);
        destination[4] = '-';
        WriteDigits(month, destination.Slice(5, 2));
        destination[7] = '-';
        WriteDigits(day, destination.Slice(8, 2));
        return 10;
    }

    internal static void WriteDigits(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
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
