using System.Runtime.CompilerServices;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Finds the positions of keys that equal a key at an earlier position (the NIK column of a builder: 0 means no key).</summary>
/// <remarks>
/// <para>A hash set of tens of millions of keys pays a cache miss per key. Instead the keys are first spread by the top bits of
/// a multiplicative hash into buckets of about <see cref="TargetBucketSize"/> keys (a counting pass and a copying pass, both
/// streaming; larger buckets above 64 million keys), and each bucket is checked with a hash set small enough for the
/// processor's cache. That yields the key
/// <em>values</em> that occur more than once, which are almost always none; only then does one more pass over the keys, in
/// order, tell first occurrences from repeats. Both passes and the buckets run on several threads when asked.</para>
/// <para>The hash multiplies by an odd constant, a bijection on 64-bit values, so equal hashes mean equal keys.</para>
/// </remarks>
internal static class RepeatedKeys
{
    /// <summary>The number of keys a bucket holds on average: its hash set (twice as many 8-byte slots) stays in the L2 cache.</summary>
    internal const int TargetBucketSize = 16_384;

    /// <summary>At most 4,096 buckets: spreading keys over more places at once costs more than larger buckets save, so above
    /// 64 million keys a bucket's hash set outgrows the L2 cache (280 million keys: about 68,000 per bucket, 1 MB sets).</summary>
    private const int MaxBucketBits = 12;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Returns, ascending, every index in [0, <paramref name="count"/>) whose nonzero key occurs at a smaller index.</summary>
    /// <param name="keys">The keys; 0 is no key and never repeats.</param>
    /// <param name="count">The number of keys to check, from the start of <paramref name="keys"/>.</param>
    /// <param name="threads">The largest number of threads to use, 1 or more.</param>
    /// <param name="cancellationToken">Checked between steps and buckets.</param>
    /// <param name="bucketSize">The average bucket size (tests lower it to exercise many buckets on small inputs).</param>
    /// <param name="parallelFrom">The smallest count checked on several threads (tests lower it).</param>
    internal static int[] Find(long[] keys, int count, int threads, CancellationToken cancellationToken, int bucketSize = TargetBucketSize,
        int parallelFrom = RowChunks.ParallelFrom) =>
        Find(keys, count, threads, cancellationToken, out _, bucketSize, parallelFrom);

    /// <summary>Returns, ascending, every index in [0, <paramref name="count"/>) whose nonzero key occurs at a smaller index, and
    /// the array the search spread the keys into.</summary>
    /// <param name="keys">The keys; 0 is no key and never repeats.</param>
    /// <param name="count">The number of keys to check, from the start of <paramref name="keys"/>.</param>
    /// <param name="threads">The largest number of threads to use, 1 or more.</param>
    /// <param name="cancellationToken">Checked between steps and buckets.</param>
    /// <param name="workingArray">The search's working array, one element per nonzero key, holding those keys in no useful order
    /// and referenced by nothing else: a caller about to fill an array of that length can reuse it.</param>
    /// <param name="bucketSize">The average bucket size (tests lower it to exercise many buckets on small inputs).</param>
    /// <param name="parallelFrom">The smallest count checked on several threads (tests lower it).</param>
    internal static int[] Find(long[] keys, int count, int threads, CancellationToken cancellationToken, out long[] workingArray,
        int bucketSize = TargetBucketSize, int parallelFrom = RowChunks.ParallelFrom)
    {
        var repeated = FindRepeatedValues(keys, count, count >= parallelFrom ? threads : 1, cancellationToken, bucketSize, parallelFrom,
            out workingArray);
        if (repeated.Count == 0)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var seen = new HashSet<long>();
        var result = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var key = keys[i];
            if (key != 0 && repeated.Contains(key) && !seen.Add(key))
            {
                result.Add(i);
            }
        }

        return [.. result];
    }

    /// <summary>Returns the distinct nonzero keys that occur more than once.</summary>
    private static HashSet<long> FindRepeatedValues(long[] keys, int count, int threads, CancellationToken cancellationToken, int bucketSize,
        int parallelFrom, out long[] workingArray)
    {
        var bucketBits = 0;
        while (bucketBits < MaxBucketBits && (long)bucketSize << bucketBits < count)
        {
            bucketBits++;
        }

        var buckets = 1 << bucketBits;
        var chunks = RowChunks.Count(count, threads, parallelFrom);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };

        // Count the keys of each chunk of the input per bucket.
        var counts = new int[chunks][];
        RowChunks.For(chunks, options, chunk =>
        {
            var histogram = new int[buckets];
            var (start, end) = RowChunks.Range(count, chunks, chunk);
            foreach (var key in keys.AsSpan(start, end - start))
            {
                if (key != 0)
                {
                    histogram[Bucket(key, bucketBits)]++;
                }
            }

            counts[chunk] = histogram;
        });

        // Bucket b holds the keys of chunk 0, then chunk 1, ...: each chunk copies into a range of its own.
        var bucketStarts = new int[buckets + 1];
        var offset = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            bucketStarts[bucket] = offset;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var n = counts[chunk][bucket];
                counts[chunk][bucket] = offset;
                offset += n;
            }
        }

        bucketStarts[buckets] = offset;
        var spread = ColumnMemory.AllocateUninitialized<long>(offset);
        workingArray = spread;
        RowChunks.For(chunks, options, chunk =>
        {
            var next = counts[chunk];
            var (start, end) = RowChunks.Range(count, chunks, chunk);
            foreach (var key in keys.AsSpan(start, end - start))
            {
                if (key != 0)
                {
                    spread[next[Bucket(key, bucketBits)]++] = key;
                }
            }
        });

        var largest = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            largest = Math.Max(largest, bucketStarts[bucket + 1] - bucketStarts[bucket]);
        }

        var tableBits = 1;
        while (1 << tableBits < 2 * largest)
        {
            tableBits++;
        }

        var repeated = new HashSet<long>();
        Parallel.For(0, buckets, options, () => (Table: new long[1 << tableBits], Found: new List<long>()), (bucket, _, local) =>
        {
            FindInBucket(spread.AsSpan(bucketStarts[bucket], bucketStarts[bucket + 1] - bucketStarts[bucket]), bucketBits, local.Table, local.Found);
            return local;
        }, local =>
        {
            lock (repeated)
            {
                repeated.UnionWith(local.Found);
            }
        });

        return repeated;
    }

    /// <summary>Adds to <paramref name="found"/> each key of a bucket that an earlier key of the bucket equals (a key that occurs
    /// <c>n</c> times is added <c>n</c> − 1 times).</summary>
    private static void FindInBucket(ReadOnlySpan<long> bucket, int bucketBits, long[] table, List<long> found)
    {
        if (bucket.Length < 2)
        {
            return;
        }

        // The smallest power of two at least twice the bucket: probes stay short and the cleared part small.
        var tableBits = 1;
        while (1 << tableBits < 2 * bucket.Length)
        {
            tableBits++;
        }

        var mask = (1 << tableBits) - 1;
        var slots = table.AsSpan(0, 1 << tableBits);
        slots.Clear();
        foreach (var key in bucket)
        {
            // The bits below the bucket's, so keys of one bucket spread over the whole table.
            var slot = (int)((Hash(key) << bucketBits) >> (64 - tableBits));
            while (true)
            {
                var held = slots[slot];
                if (held == 0)
                {
                    slots[slot] = key;
                    break;
                }

                if (held == key)
                {
                    found.Add(key);
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(long key) => unchecked((ulong)key * Multiplier);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(long key, int bucketBits) => bucketBits == 0 ? 0 : (int)(Hash(key) >> (64 - bucketBits));
}
