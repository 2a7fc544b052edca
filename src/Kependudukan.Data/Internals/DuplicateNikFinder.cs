using Kependudukan.Identity;

namespace Kependudukan.Data.Internals;

/// <summary>Finds NIKs that repeat an earlier row's NIK, after the last row: the NIKs are logged in input order, radix-sorted
/// once and scanned for neighbours that are equal.</summary>
/// <remarks>Logging is a sequential write of 16 bytes per row into fixed-size chunks (no copying as the log grows) and the
/// sort streams through memory, which at national scale costs a fraction of the cache miss per row that a hash set of tens
/// of millions of NIKs pays.</remarks>
internal sealed class DuplicateNikFinder
{
    private const int DigitBits = 11;
    private const int KeyBits = 55; // every NIK is below 10^16 < 2^54
    private const int ChunkBits = 16;

    private readonly List<Entry[]> _chunks = [];
    private int _count;

    /// <summary>Logs the NIK of an accepted row.</summary>
    /// <param name="nik">The NIK.</param>
    /// <param name="line">The row's line or row number, for the report.</param>
    /// <param name="row">The row's index among the accepted rows.</param>
    internal void Add(Nik nik, long line, int row)
    {
        var offset = _count & ((1 << ChunkBits) - 1);
        if (offset == 0)
        {
            _chunks.Add(new Entry[1 << ChunkBits]);
        }

        // Lines and row numbers of a population fit an int (a table holds at most int.MaxValue rows).
        _chunks[^1][offset] = new Entry(nik, checked((int)line), row);
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
            keys[i] = Get(i).Nik.Value;
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
            var entry = Get(i);
            if (repeated.Contains(entry.Nik.Value) && !seen.Add(entry.Nik.Value))
            {
                repeats.Add((entry.Nik, entry.Line, entry.Row));
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

    private ref readonly Entry Get(int index) => ref _chunks[index >> ChunkBits][index & ((1 << ChunkBits) - 1)];

    /// <summary>One logged row: 16 bytes.</summary>
    private readonly record struct Entry(Nik Nik, int Line, int Row);
}
