namespace Kependudukan.Devices;

/// <summary>Exact Hamilton (largest remainder) apportionment between per-region bounds.</summary>
/// <remarks>
/// <para>Without bounds every region's quota is <c>w·total / Σw</c>: it gets the whole part, and the units left go to the
/// largest fractional parts. With bounds the quotas are clamped: the library finds the scale λ for which the quotas
/// <c>clamp(w·λ, lower, upper)</c> sum to the total (a region whose share falls below its minimum gets its minimum and the
/// others share the rest in proportion, and likewise for caps), then rounds those quotas by largest remainder. Every
/// quota is a fraction with one common denominator, so remainders are compared as integers.</para>
/// <para>Int128 arithmetic is unchecked because it cannot overflow: weights are below 2^63, unit counts below 2^31 and
/// there are fewer than 2^31 regions, so sums of weights stay below 2^94 and every product below 2^126.</para>
/// </remarks>
internal static class LargestRemainder
{
    /// <summary>Apportions <paramref name="total"/> units between the bounds.</summary>
    /// <returns>Units per region summing to <paramref name="total"/>, and the boundary tie (equal remainders split by the last unit), empty when none.</returns>
    internal static (int[] Units, int[] Given, int[] Waiting) Fill(long[] weights, int[] lower, int[] upper, int total)
    {
        var units = (int[])lower.Clone();
        var eligible = new List<int>();
        long target = total;
        for (var region = 0; region < weights.Length; region++)
        {
            if (weights[region] > 0 && upper[region] > lower[region])
            {
                eligible.Add(region);
            }
            else
            {
                target -= lower[region];
            }
        }

        if (eligible.Count == 0)
        {
            return (units, [], []);
        }

        var (numerator, denominator) = FindScale(weights, lower, upper, eligible, target);
        var remainders = new Int128[weights.Length];
        var candidates = new List<int>();
        var left = target;
        foreach (var region in eligible)
        {
            var share = unchecked(weights[region] * numerator);
            if (share <= unchecked(lower[region] * denominator))
            {
                units[region] = lower[region];
            }
            else if (share >= unchecked(upper[region] * denominator))
            {
                units[region] = upper[region];
            }
            else
            {
                units[region] = (int)(share / denominator);
                remainders[region] = share % denominator;
                if (remainders[region] > 0)
                {
                    candidates.Add(region);
                }
            }

            left -= units[region];
        }

        if (left == 0)
        {
            return (units, [], []);
        }

        // Largest remainders first; fewer units are left than regions with a remainder, because the remainders sum to left.
        candidates.Sort((a, b) => remainders[b] != remainders[a] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        var last = remainders[candidates[(int)left - 1]];
        List<int> given = [], waiting = [];
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var region = candidates[rank];
            if (rank < left)
            {
                units[region]++;
                if (remainders[region] == last)
                {
                    given.Add(region);
                }
            }
            else if (remainders[region] == last)
            {
                waiting.Add(region);
            }
        }

        return waiting.Count == 0 ? (units, [], []) : (units, [.. given], [.. waiting]);
    }

    /// <summary>Finds λ = numerator / denominator with Σ clamp(w·λ, lower, upper) = target over the eligible regions.</summary>
    private static (Int128 Numerator, Int128 Denominator) FindScale(long[] weights, int[] lower, int[] upper, List<int> eligible, long target)
    {
        // Common case: no bound binds at λ = target / Σw, the plain Hare quota.
        Int128 weightSum = 0;
        foreach (var region in eligible)
        {
            weightSum = unchecked(weightSum + weights[region]);
        }

        var binds = false;
        foreach (var region in eligible)
        {
            var share = unchecked((Int128)weights[region] * target);
            binds |= share < unchecked(lower[region] * weightSum) || share > unchecked(upper[region] * weightSum);
        }

        if (!binds)
        {
            return (target, weightSum);
        }

        // The clamped sum is continuous, non-decreasing and linear between the points where a region leaves its lower
        // bound (lower / w) or reaches its upper bound (upper / w).
        var points = new List<(int Numerator, long Denominator)>(2 * eligible.Count + 1) { (0, 1) };
        foreach (var region in eligible)
        {
            points.Add((lower[region], weights[region]));
            points.Add((upper[region], weights[region]));
        }

        points.Sort(static (x, y) => Compare(x, y));

        // The last point whose clamped sum is at most the target (the first point, λ = 0, always is).
        int low = 0, high = points.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (ClampedSum(weights, lower, upper, eligible, points[middle]) <= unchecked(target * (Int128)points[middle].Denominator))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var at = points[low];
        if (ClampedSum(weights, lower, upper, eligible, at) == unchecked(target * (Int128)at.Denominator))
        {
            return (at.Numerator, at.Denominator);
        }

        // Strictly between two points: regions not yet past their lower bound stay there, regions past their upper bound
        // stay there, and the rest share what is left in proportion to their weights.
        var next = points[low + 1];
        long fixedUnits = 0;
        Int128 activeWeight = 0;
        foreach (var region in eligible)
        {
            if (Compare((lower[region], weights[region]), next) >= 0)
            {
                fixedUnits += lower[region];
            }
            else if (Compare((upper[region], weights[region]), at) <= 0)
            {
                fixedUnits += upper[region];
            }
            else
            {
                activeWeight = unchecked(activeWeight + weights[region]);
            }
        }

        return (target - fixedUnits, activeWeight);
    }

    private static Int128 ClampedSum(long[] weights, int[] lower, int[] upper, List<int> eligible, (int Numerator, long Denominator) scale)
    {
        // Σ clamp(w·a/d, lower, upper)·d, exactly.
        Int128 sum = 0;
        foreach (var region in eligible)
        {
            var share = unchecked((Int128)weights[region] * scale.Numerator);
            sum = unchecked(sum + Int128.Clamp(share, (Int128)lower[region] * scale.Denominator, (Int128)upper[region] * scale.Denominator));
        }

        return sum;
    }

    private static int Compare((int Numerator, long Denominator) x, (int Numerator, long Denominator) y) =>
        unchecked((Int128)x.Numerator * y.Denominator).CompareTo(unchecked((Int128)y.Numerator * x.Denominator));
}
