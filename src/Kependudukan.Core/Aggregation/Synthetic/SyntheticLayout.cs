using Kependudukan.Regions;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Where every row goes: villages in code order with their exact row counts, the calibrated regions with their class
/// counts and row permutations, and fixed-size chunks that can be generated independently.</summary>
/// <remarks>The chunk size is part of the output's definition (each chunk has its own random stream), so it never depends on
/// the number of threads.</remarks>
internal sealed class SyntheticLayout
{
    internal const int ChunkSize = 1 << 15;

    private const ulong ZipfSalt = 0x5A49_5046_5241_4E4B;
    private const ulong PermutationSalt = 0x5045_524D_5554_4154;

    private SyntheticLayout(RegionCode[] villages, long[] villageStart, int[] villageTarget, Target[] targets)
    {
        Villages = villages;
        VillageStart = villageStart;
        VillageTarget = villageTarget;
        Targets = targets;
        TotalRows = villageStart[^1];
        ChunkCount = (int)((TotalRows + ChunkSize - 1) / ChunkSize);
        DistrictStart = new long[villages.Length];
        DistrictEnd = new long[villages.Length];
        for (var first = 0; first < villages.Length;)
        {
            var district = villages[first].Parent;
            var last = first;
            while (last + 1 < villages.Length && villages[last + 1].Parent == district)
            {
                last++;
            }

            for (var v = first; v <= last; v++)
            {
                DistrictStart[v] = villageStart[first];
                DistrictEnd[v] = villageStart[last + 1];
            }

            first = last + 1;
        }
    }

    /// <summary>Gets the villages in code order.</summary>
    internal RegionCode[] Villages { get; }

    /// <summary>Gets the first row of each village, plus the total row count at the end.</summary>
    internal long[] VillageStart { get; }

    /// <summary>Gets the calibration target of each village, or −1 when uncalibrated.</summary>
    internal int[] VillageTarget { get; }

    /// <summary>Gets the first row of each village's district.</summary>
    internal long[] DistrictStart { get; }

    /// <summary>Gets the row after the last of each village's district.</summary>
    internal long[] DistrictEnd { get; }

    /// <summary>Gets the calibrated regions.</summary>
    internal Target[] Targets { get; }

    /// <summary>Gets the number of rows.</summary>
    internal long TotalRows { get; }

    /// <summary>Gets the number of chunks.</summary>
    internal int ChunkCount { get; }

    internal static SyntheticLayout Create(SyntheticPopulationOptions options, SyntheticModel model)
    {
        var order = Enumerable.Range(0, options.Villages.Count).OrderBy(i => options.Villages[i]).ToArray();
        var villages = order.Select(i => options.Villages[i]).ToArray();
        var weights = options.VillageWeights is { } given ? order.Select(i => given[i]).ToArray() : ZipfWeights(villages.Length, options.RegionSkew, options.Seed);
        var counts = new long[villages.Length];
        var villageTarget = new int[villages.Length];
        Target[] targets;
        if (options.Calibration is not { } calibration)
        {
            Array.Fill(villageTarget, -1);
            Apportion(options.Population, weights, counts);
            targets = [];
        }
        else
        {
            var index = TargetIndex.Create(calibration, out _);
            for (var v = 0; v < villages.Length; v++)
            {
                villageTarget[v] = index.Find(villages[v]);
            }

            targets = new Target[calibration.Count];
            var villageCounts = new List<long>();
            for (var t = 0; t < calibration.Count; t++)
            {
                var members = Enumerable.Range(0, villages.Length).Where(v => villageTarget[v] == t).ToArray();
                var notPresent = SyntheticPopulationOptions.NonPresentRows(calibration[t].Population, model.NonPresentShare);
                var rows = calibration[t].Population + notPresent;
                var memberCounts = new long[members.Length];
                Apportion(rows, members.Select(v => weights[v]).ToArray(), memberCounts);
                for (var m = 0; m < members.Length; m++)
                {
                    counts[members[m]] = memberCounts[m];
                }

                targets[t] = new Target(model.PlanClasses(calibration[t], notPresent), SplitMix64.Derive(options.Seed, PermutationSalt, (ulong)t));
            }
        }

        var villageStart = new long[villages.Length + 1];
        for (var v = 0; v < villages.Length; v++)
        {
            villageStart[v + 1] = villageStart[v] + counts[v];
        }

        // A region's villages are contiguous in code order, so each target starts at its first village.
        for (var v = villages.Length - 1; v >= 0; v--)
        {
            if (villageTarget[v] >= 0)
            {
                targets[villageTarget[v]].Start = villageStart[v];
            }
        }

        return new SyntheticLayout(villages, villageStart, villageTarget, targets);
    }

    /// <summary>Returns the village that holds a row.</summary>
    internal int FindVillage(long row)
    {
        var index = Array.BinarySearch(VillageStart, row);
        if (index < 0)
        {
            return ~index - 1;
        }

        // Skip villages with no rows that share the start.
        while (index + 1 < VillageStart.Length - 1 && VillageStart[index + 1] == row)
        {
            index++;
        }

        return index;
    }

    /// <summary>Splits a total into exact integer parts proportional to weights by the largest-remainder (Hamilton) method.</summary>
    /// <remarks>Weights are scaled to 40-bit integers first so that the arithmetic is exact; ties go to the earlier entry.
    /// When every weight is 0 the parts are equal.</remarks>
    internal static void Apportion(long total, ReadOnlySpan<double> weights, Span<long> parts)
    {
        var n = weights.Length;
        if (n == 0)
        {
            return;
        }

        var max = 0.0;
        foreach (var w in weights)
        {
            max = Math.Max(max, w);
        }

        var scaled = new long[n];
        Int128 sum = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = max > 0 ? (long)Math.Round(weights[i] / max * (1L << 40)) : 1;
            sum += scaled[i];
        }

        var remainders = new Int128[n];
        var assigned = 0L;
        for (var i = 0; i < n; i++)
        {
            var quota = (Int128)total * scaled[i];
            parts[i] = (long)(quota / sum);
            remainders[i] = quota % sum;
            assigned += parts[i];
        }

        var byRemainder = Enumerable.Range(0, n).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; k < total - assigned; k++)
        {
            parts[byRemainder[k]]++;
        }
    }

    private static double[] ZipfWeights(int count, double skew, long seed)
    {
        var rank = Enumerable.Range(1, count).ToArray();
        var random = Xoshiro256StarStar.FromSeed(SplitMix64.Derive(seed, ZipfSalt, 0));
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((uint)(i + 1));
            (rank[i], rank[j]) = (rank[j], rank[i]);
        }

        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = skew == 0 ? 1 : Math.Pow(rank[i], -skew);
        }

        return weights;
    }

    /// <summary>A calibrated region: its rows, the exact count of each class, and the permutation that scatters classes over rows.</summary>
    internal sealed class Target
    {
        private readonly long[] _classEnd;
        private readonly FeistelPermutation _permutation;

        internal Target(long[] classCounts, ulong key)
        {
            _classEnd = new long[classCounts.Length];
            var running = 0L;
            for (var i = 0; i < classCounts.Length; i++)
            {
                running += classCounts[i];
                _classEnd[i] = running;
            }

            _permutation = new FeistelPermutation((ulong)running, key);
        }

        /// <summary>Gets or sets the first row of the region.</summary>
        internal long Start { get; set; }

        /// <summary>Returns the class of the row at <paramref name="offset"/> from <see cref="Start"/>.</summary>
        internal int ClassAt(long offset)
        {
            var slot = (long)_permutation.Map((ulong)offset);
            var cls = 0;
            while (slot >= _classEnd[cls])
            {
                cls++;
            }

            return cls;
        }
    }
}
