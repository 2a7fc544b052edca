using Kependudukan.Identity;

namespace Kependudukan.Data.Internals;

/// <summary>Finds NIKs that repeat an earlier row's NIK, after the last row: the NIKs are logged in input order, radix-sorted
/// once and scanned for neighbours that are equal.</summary>
/// <remarks>Logging is a sequential write of 20 bytes per row and the sort streams through memory, which at national scale
/// costs a fraction of the cache miss per row that a hash set of tens of millions of NIKs pays.</remarks>
internal sealed class DuplicateNikFinder
{
    private const int DigitBits = 11;
    private const int KeyBits = 55; // every NIK is below 10^16 < 2^54

    private Nik[] _niks = new Nik[1024];
    private long[] _lines = new long[1024];
    private int[] _rows = new int[1024];
    private int _count;

    /// <summary>Logs the NIK of an accepted row.</summary>
    /// <param name="nik">The NIK.</param>
    /// <param name="line">The row's line or row number, for the report.</param>
    /// <param name="row">The row's index among the accepted rows.</param>
    internal void Add(Nik nik, long line, int row)
    {
        if (_count == _niks.Length)
        {
            var size = checked(_count * 2);
            Array.Resize(ref _niks, size);
            Array.Resize(ref _lines, size);
            Array.Resize(ref _rows, size);
        }

        _niks[_count] = nik;
        _lines[_count] = line;
        _rows[_count] = row;
        _count++;
    }

    /// <summary>Returns every logged row whose NIK appears in an earlier logged row, in input order.</summary>
    internal List<(Nik Nik, long Line, int Row)> FindRepeats(CancellationToken cancellationToken)
    {
        var repeats = new List<(Nik, long, int)>();
        if (_count < 2)
        {
            return repeats;
        }

        var keys = new long[_count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _niks[i].Value;
        }

        var sorted = Sort(keys, cancellationToken);
        HashSet<long>? repeated = null;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                (repeated ??= []).Add(sorted[i]);
            }
        }

        if (repeated is null)
        {
            return repeats;
        }

        var seen = new HashSet<long>();
        for (var i = 0; i < _count; i++)
        {
            var nik = _niks[i];
            if (repeated.Contains(nik.Value) && !seen.Add(nik.Value))
            {
                repeats.Add((nik, _lines[i], _rows[i]));
            }
        }

        return repeats;
    }

    /// <summary>Sorts non-negative keys below 2^55 with a least-significant-digit radix sort; the input array is reused.</summary>
    internal static long[] Sort(long[] keys, CancellationToken cancellationToken)
    {
        var source = keys;
        var target = new long[source.Length];
        var counts = new int[1 << DigitBits];
        for (var shift = 0; shift < KeyBits; shift += DigitBits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(counts);
            foreach (var key in source)
            {
                counts[(int)((key >> shift) & ((1 << DigitBits) - 1))]++;
            }

            var offset = 0;
            for (var digit = 0; digit < counts.Length; digit++)
            {
                var count = counts[digit];
                counts[digit] = offset;
                offset += count;
            }

            foreach (var key in source)
            {
                target[counts[(int)((key >> shift) & ((1 << DigitBits) - 1))]++] = key;
            }

            (source, target) = (target, source);
        }

        return source;
    }
}
