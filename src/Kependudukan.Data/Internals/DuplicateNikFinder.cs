using Kependudukan.Identity;

namespace Kependudukan.Data.Internals;

/// <summary>Finds NIKs that repeat an earlier row's NIK, after the last row: the NIKs are logged in input order, sorted once by
/// a 32-bit hash with a radix sort, and rows whose hashes are equal are compared by NIK.</summary>
/// <remarks>Logging is a sequential write of 16 bytes per row into fixed-size chunks (no copying as the log grows). The sort
/// key is the hash above the row's log index, so three 11-bit passes order 32 bits and keep equal hashes in input order; the
/// passes stream through memory, which at national scale costs a fraction of the cache miss per row that a hash set of tens
/// of millions of NIKs pays. Different NIKs that share a hash (about a thousand pairs among 3 million NIKs) are told apart in
/// the final scan.</remarks>
internal sealed class DuplicateNikFinder
{
    private const int DigitBits = 11;
    private const int DigitMask = (1 << DigitBits) - 1;
    private const int Passes = 3;
    private const int ChunkBits = 16;
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly List<Entry[]> _chunks = [];
    private Entry[] _chunk = [];
    private int _count;

    /// <summary>Gets the number of NIKs logged.</summary>
    internal int Count => _count;

    /// <summary>Logs the NIK of an accepted row.</summary>
    /// <param name="nik">The NIK.</param>
    /// <param name="line">The row's line or row number, for the report.</param>
    /// <param name="row">The row's index among the accepted rows.</param>
    internal void Add(Nik nik, long line, int row)
    {
        var offset = _count & ChunkMask;
        if (offset == 0)
        {
            _chunk = new Entry[1 << ChunkBits];
            _chunks.Add(_chunk);
        }

        // Lines and row numbers of a population fit an int (a table holds at most int.MaxValue rows).
        _chunk[offset] = new Entry(nik, checked((int)line), row);
        _count++;
    }

    /// <summary>Appends the NIKs another finder logged, after this finder's; their accepted-row indices are shifted by
    /// <paramref name="rowOffset"/> and their lines by <paramref name="lineOffset"/>.</summary>
    internal void AddRange(DuplicateNikFinder other, int rowOffset, long lineOffset)
    {
        for (var i = 0; i < other._count; i++)
        {
            ref readonly var entry = ref other.Get(i);
            Add(entry.Nik, entry.Line + lineOffset, entry.Row + rowOffset);
        }
    }

    /// <summary>Returns every logged row whose NIK appears in an earlier logged row, in input order.</summary>
    internal List<(Nik Nik, long Line, int Row)> FindRepeats(CancellationToken cancellationToken)
    {
        var repeats = new List<(Nik, long, int)>();
        if (_count < 2)
        {
            return repeats;
        }

        var keys = new ulong[_count];
        var counts = new int[Passes << DigitBits];
        for (var i = 0; i < keys.Length; i++)
        {
            var hash = Hash(Get(i).Nik);
            keys[i] = ((ulong)hash << 32) | (uint)i;
            counts[hash & DigitMask]++;
            counts[(1 << DigitBits) + (int)((hash >> DigitBits) & DigitMask)]++;
            counts[(2 << DigitBits) + (int)(hash >> (2 * DigitBits))]++;
        }

        var sorted = Sort(keys, counts, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var repeated = new List<int>();
        for (var start = 0; start < sorted.Length;)
        {
            var hash = sorted[start] >> 32;
            var end = start + 1;
            while (end < sorted.Length && sorted[end] >> 32 == hash)
            {
                end++;
            }

            if (end - start > 1)
            {
                CollectRepeats(sorted.AsSpan(start, end - start), repeated);
            }

            start = end;
        }

        repeated.Sort();
        foreach (var index in repeated)
        {
            ref readonly var entry = ref Get(index);
            repeats.Add((entry.Nik, entry.Line, entry.Row));
        }

        return repeats;
    }

    /// <summary>Sorts keys by their upper 32 bits, stably, with a least-significant-digit radix sort; the input array is reused.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="counts">Per pass, the number of keys with each 11-bit digit.</param>
    /// <param name="cancellationToken">Checked between passes.</param>
    /// <returns>The sorted keys (<paramref name="keys"/> or a new array).</returns>
    internal static ulong[] Sort(ulong[] keys, int[] counts, CancellationToken cancellationToken)
    {
        var source = keys;
        var target = new ulong[source.Length];
        for (var pass = 0; pass < Passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offsets = counts.AsSpan(pass << DigitBits, 1 << DigitBits);
            var offset = 0;
            for (var digit = 0; digit < offsets.Length; digit++)
            {
                var count = offsets[digit];
                offsets[digit] = offset;
                offset += count;
            }

            var shift = 32 + (pass * DigitBits);
            foreach (var key in source)
            {
                target[offsets[unchecked((int)(key >> shift)) & DigitMask]++] = key;
            }

            (source, target) = (target, source);
        }

        return source;
    }

    /// <summary>Spreads NIKs over 32 bits: the high half of a multiplicative (Fibonacci) hash.</summary>
    private static uint Hash(Nik nik) => (uint)(unchecked((ulong)nik.Value * 0x9E3779B97F4A7C15UL) >> 32);

    /// <summary>Adds the log indices of a run of equal hashes whose NIK an earlier index of the run has.</summary>
    private void CollectRepeats(ReadOnlySpan<ulong> run, List<int> repeated)
    {
        // The run is in input order (the sort is stable); order it by NIK, keeping input order among equal NIKs.
        var byNik = new (long Nik, int Index)[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            var index = unchecked((int)run[i]);
            byNik[i] = (Get(index).Nik.Value, index);
        }

        Array.Sort(byNik);
        for (var i = 1; i < byNik.Length; i++)
        {
            if (byNik[i].Nik == byNik[i - 1].Nik)
            {
                repeated.Add(byNik[i].Index);
            }
        }
    }

    private ref readonly Entry Get(int index) => ref _chunks[index >> ChunkBits][index & ChunkMask];

    /// <summary>One logged row: 16 bytes.</summary>
    private readonly record struct Entry(Nik Nik, int Line, int Row);
}
