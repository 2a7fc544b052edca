using CsCheck;
using Kependudukan.Aggregation.Internals;

namespace Kependudukan.Tests.Aggregation.Internals;

/// <summary>The repeated-key finder against a <see cref="HashSet{T}"/> walked in order as the reference.</summary>
public sealed class RepeatedKeysTests
{
    [Fact]
    public void Find_RandomKeys_SameAsHashSetReference()
    {
        // Keys from a small range repeat often, 0 is no key, and any 64-bit value (negative too) may occur; small bucket sizes
        // and parallel thresholds put small inputs through many buckets and several chunks.
        var key = Gen.Frequency((4, Gen.Long[1, 60]), (2, Gen.Long), (1, Gen.Const(0L)), (1, Gen.Long[6_400_000_000_000_000, 6_400_000_000_000_040]));
        Gen.Select(key.Array[0, 3_000], Gen.Int[1, 64], Gen.Int[1, 3], Gen.Int[1, 400]).Sample((keys, bucketSize, threads, parallelFrom) =>
        {
            // A longer array than the count: keys past the count are not looked at.
            var count = keys.Length - (keys.Length / 10);
            Assert.Equal(Reference(keys.AsSpan(0, count)), RepeatedKeys.Find(keys, count, threads, CancellationToken.None, bucketSize, parallelFrom));
        }, iter: 300);
    }

    [Fact]
    public void Find_DefaultSizesAcrossThreads_FindsThePlantedRepeats()
    {
        // Over a million distinct keys (several buckets, two chunks on two threads) with repeats planted far from their first
        // occurrence and one key three times.
        var count = RowChunks.ParallelFrom + 12_345;
        var keys = new long[count];
        var random = new Random(17);
        var distinct = new HashSet<long> { 0 };
        for (var i = 0; i < count; i++)
        {
            long candidate;
            do
            {
                candidate = random.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999);
            }
            while (!distinct.Add(candidate));
            keys[i] = candidate;
        }

        keys[900_000] = keys[3];
        keys[count - 1] = keys[3];
        keys[500_001] = keys[500_000];
        keys[700_000] = 0;
        keys[700_001] = 0;

        foreach (var threads in new[] { 1, 2 })
        {
            Assert.Equal([500_001, 900_000, count - 1], RepeatedKeys.Find(keys, count, threads, CancellationToken.None));
        }
    }

    [Fact]
    public void Find_Canceled_Throws()
    {
        var keys = Enumerable.Range(1, 100_000).Select(i => (long)i).ToArray();
        Assert.ThrowsAny<OperationCanceledException>(() => RepeatedKeys.Find(keys, keys.Length, 2, new CancellationToken(canceled: true)));
    }

    private static int[] Reference(ReadOnlySpan<long> keys)
    {
        var seen = new HashSet<long>();
        var repeats = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0 && !seen.Add(keys[i]))
            {
                repeats.Add(i);
            }
        }

        return [.. repeats];
    }
}
