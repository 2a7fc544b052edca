using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Devices;

/// <summary>Divides whole units (devices, seats) among regions in proportion to their weights, by a named method and with exact integer arithmetic.</summary>
/// <remarks>
/// <para>Weights are typically populations or backlogs (residents still to record, cards still to print). No floating
/// point decides who gets a unit: divisor claims are compared by cross-multiplication in 128 or 256 bits and Hamilton's
/// remainders share one integer denominator, so results are reproducible on every platform and equal claims are seen
/// as equal.</para>
/// <para>Ties are never broken silently: when the last units are contested by more regions than units remain, the tie is
/// listed in <see cref="ApportionmentResult.Ties"/> and, by default, the contested units are left unallocated.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class Apportionment
{
    /// <summary>Allocates <paramref name="units"/> units among the regions whose weights are given.</summary>
    /// <param name="method">The apportionment method.</param>
    /// <param name="units">The units to hand out in this allocation, in addition to any held ones (<see cref="ApportionmentOptions.Held"/>); 0 or more.</param>
    /// <param name="weights">The weight of each region (population, backlog), 0 or more; a region with weight 0 receives nothing beyond its minimum.</param>
    /// <param name="options">Bounds, held units and the tie policy; <see langword="null"/> for <see cref="ApportionmentOptions.Default"/>.</param>
    /// <returns>The total units of each region and the ties met.</returns>
    /// <remarks>
    /// <para>The method apportions the units to hand out plus the units already held. <see cref="ApportionmentMethod.Adams"/>
    /// and <see cref="ApportionmentMethod.HuntingtonHill"/> give every region with a positive weight at least one unit
    /// (their first divisor is 0); that implied minimum does not apply to weight 0.
    /// <see cref="ApportionmentMethod.EqualShare"/> levels the totals of the regions with a positive weight.</para>
    /// <para>Divisor methods with bounds give each next unit to the strongest claim among the regions below their cap,
    /// starting from the lower bounds. <see cref="ApportionmentMethod.Hamilton"/> with bounds rounds clamped quotas: it
    /// finds the scale at which the exact shares, each clamped to its region's bounds, sum to the total, and gives the
    /// units left after the whole parts to the largest fractional parts. Without bounds both are the textbook methods.</para>
    /// <para>The work grows with the number of regions, not with the number of units: divisor methods start from a
    /// threshold near the last unit instead of handing units out one at a time.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method, <paramref name="units"/> is negative,
    /// or the units plus the held units exceed <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">A weight is negative; an option list does not have one entry per weight or has a negative entry;
    /// a region's minimum, held units or implied minimum exceed its cap; the minimums need more units than are available;
    /// or the caps (and weights of 0) leave no room for all the units. The message names the region and the rule.</exception>
    public static ApportionmentResult Allocate(ApportionmentMethod method, int units, IReadOnlyList<long> weights, ApportionmentOptions? options = null)
    {
        Preconditions.CheckArgumentRange(nameof(method), (int)method, (int)ApportionmentMethod.Hamilton, (int)ApportionmentMethod.EqualShare);
        Preconditions.CheckArgumentRange(nameof(units), units, 0, int.MaxValue);
        Preconditions.CheckNotNull(weights);
        options ??= ApportionmentOptions.Default;

        var weightArray = new long[weights.Count];
        for (var region = 0; region < weightArray.Length; region++)
        {
            weightArray[region] = weights[region];
            if (weightArray[region] < 0)
            {
                throw new ArgumentException(Invariant($"Region {region} has weight {weightArray[region]}; weights must be 0 or more."), nameof(weights));
            }
        }

        var (lower, upper, held, total) = Bounds(method, units, weightArray, options);
        int[] allocation, given, waiting;
        switch (method)
        {
            case ApportionmentMethod.Hamilton:
                (allocation, given, waiting) = LargestRemainder.Fill(weightArray, lower, upper, total);
                break;
            case ApportionmentMethod.Jefferson:
                (allocation, given, waiting) = Divide(new LinearDivisorPriority(weightArray, 1, 1), lower, upper, total);
                break;
            case ApportionmentMethod.Webster:
                (allocation, given, waiting) = Divide(new LinearDivisorPriority(weightArray, 2, 1), lower, upper, total);
                break;
            case ApportionmentMethod.Adams:
                (allocation, given, waiting) = Divide(new LinearDivisorPriority(weightArray, 1, 0), lower, upper, total);
                break;
            case ApportionmentMethod.HuntingtonHill:
                (allocation, given, waiting) = Divide(new EqualProportionsPriority(weightArray), lower, upper, total);
                break;
            default:
                var equal = Array.ConvertAll(weightArray, static weight => weight > 0 ? 1L : 0L);
                (allocation, given, waiting) = Divide(new LinearDivisorPriority(equal, 1, 1), lower, upper, total);
                break;
        }

        ApportionmentTie[] ties = given.Length == 0 ? [] : [ResolveTie(allocation, given, waiting, options.TiePolicy, weightArray)];
        var added = new int[allocation.Length];
        for (var region = 0; region < added.Length; region++)
        {
            added[region] = allocation[region] - held[region];
        }

        return new ApportionmentResult(method, allocation, added, ties);
    }

    /// <summary>Settles a boundary tie: the <paramref name="given"/> regions hold the contested units, the <paramref name="waiting"/> ones have an equal claim.</summary>
    internal static ApportionmentTie ResolveTie(int[] units, int[] given, int[] waiting, ApportionmentTiePolicy policy, long[] weights)
    {
        int[] regions = [.. given, .. waiting];
        Array.Sort(regions);
        foreach (var region in given)
        {
            units[region]--;
        }

        if (policy == ApportionmentTiePolicy.Report)
        {
            return new ApportionmentTie(regions, given.Length, []);
        }

        var order = (int[])regions.Clone();
        if (policy == ApportionmentTiePolicy.LargerWeightFirst)
        {
            Array.Sort(order, (a, b) => weights[a] != weights[b] ? weights[b].CompareTo(weights[a]) : a.CompareTo(b));
        }

        var recipients = order[..given.Length];
        Array.Sort(recipients);
        foreach (var region in recipients)
        {
            units[region]++;
        }

        return new ApportionmentTie(regions, given.Length, recipients);
    }

    private static (int[] Units, int[] Given, int[] Waiting) Divide<TPriority>(TPriority priority, int[] lower, int[] upper, int total)
        where TPriority : struct, IUnitPriority
    {
        var units = HighestAverages.Fill(priority, lower, upper, total);
        var (given, waiting) = HighestAverages.FindBoundaryTie(priority, units, lower, upper);
        return (units, given, waiting);
    }

    private static (int[] Lower, int[] Upper, int[] Held, int Total) Bounds(ApportionmentMethod method, int units, long[] weights, ApportionmentOptions options)
    {
        var count = weights.Length;
        var minimums = Entries(options.Minimums, count, nameof(ApportionmentOptions.Minimums), "minimum");
        var maximums = Entries(options.Maximums, count, nameof(ApportionmentOptions.Maximums), "maximum");
        var held = Entries(options.Held, count, nameof(ApportionmentOptions.Held), "held count") ?? new int[count];
        var impliesOne = method is ApportionmentMethod.Adams or ApportionmentMethod.HuntingtonHill;

        long total = units;
        foreach (var value in held)
        {
            total += value;
        }

        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, Invariant($"The units to hand out plus the {total - units} units already held must not exceed {int.MaxValue}."));
        }

        int[] lower = new int[count], upper = new int[count];
        long needed = 0, room = 0;
        for (var region = 0; region < count; region++)
        {
            var cap = Math.Min(options.MaximumPerRegion ?? int.MaxValue, maximums?[region] ?? int.MaxValue);
            var minimum = Math.Max(options.MinimumPerRegion, minimums?[region] ?? 0);
            CheckFloor(region, minimum, cap, "its minimum");
            CheckFloor(region, held[region], cap, "the units it already holds, which are never taken away");
            if (impliesOne && weights[region] > 0 && cap < 1)
            {
                CheckFloor(region, 1, cap, Invariant($"the one unit {method} gives every region with a positive weight"));
            }

            lower[region] = Math.Max(Math.Max(minimum, held[region]), impliesOne && weights[region] > 0 ? 1 : 0);
            upper[region] = weights[region] > 0 ? (int)Math.Min(cap, total) : lower[region];
            needed += lower[region];
            room += upper[region];
            if (needed > total)
            {
                throw new ArgumentException(
                    Invariant($"The minimums cannot be met: regions 0 to {region} alone need {needed} units (minimums, held units and any unit the method implies), but only {total} are available ({units} to hand out plus {total - units} held)."),
                    nameof(units));
            }
        }

        if (room < total)
        {
            throw new ArgumentException(
                Invariant($"Only {room} of the {total} units can be placed: every region is at its cap, and a region with weight 0 takes no unit beyond its minimum."),
                nameof(units));
        }

        return (lower, upper, held, (int)total);
    }

    private static void CheckFloor(int region, int floor, int cap, string rule)
    {
        if (floor > cap)
        {
            throw new ArgumentException(Invariant($"Region {region} needs a total of at least {floor} ({rule}) but its cap is {cap}."), "options");
        }
    }

    private static int[]? Entries(IReadOnlyList<int>? list, int count, string name, string entry)
    {
        if (list is null)
        {
            return null;
        }

        if (list.Count != count)
        {
            throw new ArgumentException(Invariant($"{name} has {list.Count} entries but there are {count} weights; give one entry per region."), "options");
        }

        var values = new int[count];
        for (var region = 0; region < count; region++)
        {
            values[region] = list[region];
            if (values[region] < 0)
            {
                throw new ArgumentException(Invariant($"Region {region} has a {entry} of {values[region]}; it must be 0 or more."), "options");
            }
        }

        return values;
    }
}
