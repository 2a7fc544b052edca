using Kependudukan.Identity;

namespace Kependudukan.Data.Internals;

/// <summary>Finds NIKs that repeat an earlier row's NIK, after the last row: each NIK is logged, in input order, into one of
/// 256 buckets chosen by a 32-bit hash, and each bucket is sorted by the rest of the hash and scanned for equal NIKs.</summary>
/// <remarks>
/// <para>Logging appends 16 bytes per row to the bucket's current chunk, and a bucket of even 100 million rows is sorted in
/// the cache with two 12-bit radix passes, so the whole check streams through memory about once instead of paying a cache
/// miss per row as a hash set of tens of millions of NIKs does. Different NIKs that share a hash (about a thousand pairs
/// among 3 million NIKs) are told apart by comparing the NIKs.</para>
/// <para>The finders of the parts of a parallel load are appended in input order without copying (see <see cref="AddRange"/>),
/// and the buckets can be checked on several threads.</para>
/// </remarks>
internal sealed class DuplicateNikFinder
{
    private const int BucketBits = 8;
    private const int Buckets = 1 << BucketBits;
    private const int KeyBits = 32 - BucketBits;
    private const int DigitBits = KeyBits / 2;
    private const int DigitMask = (1 << DigitBits) - 1;
    private const int FirstChunkLength = 16;
    private const int MaxChunkLength = 8192; // 128 KB: large-object heap, never copied by the garbage collector

    private readonly List<Segment>[] _segments = new List<Segment>[Buckets];
    private readonly Entry[][] _open = new Entry[Buckets][];
    private readonly int[] _fill = new int[Buckets];
    private int _count;

    internal DuplicateNikFinder()
    {
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            _segments[bucket] = [];
            _open[bucket] = [];
        }
    }

    /// <summary>Gets the number of NIKs logged.</summary>
    internal int Count => _count;

    /// <summary>Logs the NIK of an accepted row.</summary>
    /// <param name="nik">The NIK.</param>
    /// <param name="line">The row's line or row number, for the report.</param>
    /// <param name="row">The row's index among the accepted rows.</param>
    internal void Add(Nik nik, long line, int row)
    {
        var bucket = (int)(Hash(nik) >> KeyBits);
        var chunk = _open[bucket];
        var fill = _fill[bucket];
        if (fill == chunk.Length)
        {
            chunk = Grow(bucket);
            fill = 0;
        }

        // Lines and row numbers of a population fit an int (a table holds at most int.MaxValue rows).
        chunk[fill] = new Entry(nik, checked((int)line), row);
        _fill[bucket] = fill + 1;
        _count++;
    }

    /// <summary>Appends the NIKs another finder logged after this finder's, without copying them; their accepted-row indices
    /// are shifted by <paramref name="rowOffset"/> and their lines by <paramref name="lineOffset"/>.</summary>
    internal void AddRange(DuplicateNikFinder other, int rowOffset, long lineOffset)
    {
        Seal();
        other.Seal();
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            foreach (var segment in other._segments[bucket])
            {
                _segments[bucket].Add(segment with { RowOffset = segment.RowOffset + rowOffset, LineOffset = segment.LineOffset + lineOffset });
            }
        }

        _count += other._count;
    }

    /// <summary>Returns every logged row whose NIK appears in an earlier logged row, in input order.</summary>
    /// <param name="threads">The largest number of threads to use.</param>
    /// <param name="cancellationToken">Checked between buckets.</param>
    internal List<(Nik Nik, long Line, int Row)> FindRepeats(int threads, CancellationToken cancellationToken)
    {
        Seal();
        var repeats = new List<(Nik Nik, long Line, int Row)>[Buckets];
        var largest = _segments.Max(segments => segments.Sum(s => s.Count));
        if (threads > 1 && _count >= 1 << 20)
        {
            Parallel.For(0, Buckets, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new Scratch(largest), (bucket, _, scratch) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                repeats[bucket] = FindRepeats(_segments[bucket], scratch);
                return scratch;
            }, _ => { });
        }
        else
        {
            var scratch = new Scratch(largest);
            for (var bucket = 0; bucket < Buckets; bucket++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                repeats[bucket] = FindRepeats(_segments[bucket], scratch);
            }
        }

        var all = repeats.SelectMany(r => r).ToList();
        all.Sort((a, b) => a.Row.CompareTo(b.Row));
        return all;
    }

    /// <summary>Sorts keys by their upper 32 bits, stably, with two least-significant-digit radix passes over the lower
    /// <see cref="KeyBits"/> of them.</summary>
    /// <param name="keys">The keys; their upper 32 bits are below 2^<see cref="KeyBits"/>.</param>
    /// <param name="target">Room for as many keys.</param>
    /// <returns><paramref name="keys"/>, sorted.</returns>
    internal static Span<ulong> Sort(Span<ulong> keys, Span<ulong> target)
    {
        Span<int> counts = new int[2 << DigitBits];
        foreach (var key in keys)
        {
            var hash = (int)(key >> 32);
            counts[hash & DigitMask]++;
            counts[(1 << DigitBits) + (hash >> DigitBits)]++;
        }

        var source = keys;
        for (var pass = 0; pass < 2; pass++)
        {
            var offsets = counts.Slice(pass << DigitBits, 1 << DigitBits);
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

            var sorted = target;
            target = source;
            source = sorted;
        }

        return source;
    }

    /// <summary>Spreads NIKs over 32 bits: the high half of a multiplicative (Fibonacci) hash.</summary>
    private static uint Hash(Nik nik) => (uint)(unchecked((ulong)nik.Value * 0x9E3779B97F4A7C15UL) >> 32);

    private static List<(Nik Nik, long Line, int Row)> FindRepeats(List<Segment> segments, Scratch scratch)
    {
        var repeats = new List<(Nik, long, int)>();
        var count = segments.Sum(s => s.Count);
        if (count < 2)
        {
            return repeats;
        }

        // The bucket's rows in input order, keyed by the rest of their hash above their index in the bucket.
        var keys = scratch.Keys.AsSpan(0, count);
        var index = 0;
        foreach (var segment in segments)
        {
            for (var i = 0; i < segment.Count; i++)
            {
                keys[index] = ((ulong)(Hash(segment.Entries[i].Nik) & ((1u << KeyBits) - 1)) << 32) | (uint)index;
                index++;
            }
        }

        var sorted = Sort(keys, scratch.Target.AsSpan(0, count));
        var run = new List<(long Nik, int Index)>();
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
                // Equal hashes, in input order (the sort is stable); order them by NIK, keeping input order among equal NIKs.
                run.Clear();
                for (var i = start; i < end; i++)
                {
                    var entryIndex = unchecked((int)sorted[i]);
                    run.Add((Find(segments, entryIndex).Nik.Value, entryIndex));
                }

                run.Sort();
                for (var i = 1; i < run.Count; i++)
                {
                    if (run[i].Nik == run[i - 1].Nik)
                    {
                        repeats.Add(Find(segments, run[i].Index));
                    }
                }
            }

            start = end;
        }

        return repeats;
    }

    /// <summary>Returns a row of a bucket by its index in the bucket, with its line and row in the whole load.</summary>
    private static (Nik Nik, long Line, int Row) Find(List<Segment> segments, int index)
    {
        foreach (var segment in segments)
        {
            if (index < segment.Count)
            {
                var entry = segment.Entries[index];
                return (entry.Nik, entry.Line + segment.LineOffset, entry.Row + segment.RowOffset);
            }

            index -= segment.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Closes the bucket's current chunk and opens a larger one.</summary>
    private Entry[] Grow(int bucket)
    {
        var full = _open[bucket];
        if (full.Length > 0)
        {
            _segments[bucket].Add(new Segment(full, full.Length, 0, 0));
        }

        var chunk = new Entry[Math.Clamp(full.Length * 2, FirstChunkLength, MaxChunkLength)];
        _open[bucket] = chunk;
        return chunk;
    }

    /// <summary>Moves the rows of every open chunk into the segments, so rows appended later follow them.</summary>
    private void Seal()
    {
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            if (_fill[bucket] > 0)
            {
                _segments[bucket].Add(new Segment(_open[bucket], _fill[bucket], 0, 0));
                _open[bucket] = [];
                _fill[bucket] = 0;
            }
        }
    }

    /// <summary>The sort arrays of one thread, as large as the largest bucket.</summary>
    private sealed class Scratch(int length)
    {
        internal ulong[] Keys { get; } = new ulong[length];

        internal ulong[] Target { get; } = new ulong[length];
    }

    /// <summary>One logged row: 16 bytes.</summary>
    private readonly record struct Entry(Nik Nik, int Line, int Row);

    /// <summary>Rows of one bucket in input order: the first <see cref="Count"/> entries of a chunk, whose rows and lines are
    /// shifted by the offsets of the part of the load that logged them.</summary>
    private readonly record struct Segment(Entry[] Entries, int Count, int RowOffset, long LineOffset);
}
