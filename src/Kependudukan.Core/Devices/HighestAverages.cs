using System.Diagnostics;

namespace Kependudukan.Devices;

/// <summary>Exact highest-averages apportionment between per-region bounds, without giving units one at a time.</summary>
/// <remarks>
/// <para>The sequential definition gives each next unit to the region with the strongest claim on it, starting from the
/// lower bounds and skipping regions at their upper bound. Because each region's claims decrease, the result is the set
/// of the <c>total − Σ lower</c> strongest claims. <see cref="Fill"/> reaches the same set faster: it picks a threshold claim
/// near the expected last one, gives every region exactly the units whose claims are at least that strong (a set closed
/// under "stronger than"), then adds the strongest missing units or removes the weakest given ones until the total is
/// right. Every step keeps the set closed, so the result equals the sequential one up to the order among equal claims
/// on the boundary, which <see cref="FindBoundaryTie"/> reports.</para>
/// </remarks>
internal static class HighestAverages
{
    // Up to this many regions a linear scan for the strongest or weakest claim beats a priority queue.
    private const int LinearScanRegions = 32;

    /// <summary>Apportions <paramref name="total"/> units between the bounds (a region with <c>upper == lower</c> takes none beyond its lower bound).</summary>
    /// <returns>Units per region, summing to <paramref name="total"/>; equal claims on the boundary are split arbitrarily.</returns>
    internal static int[] Fill<TPriority>(TPriority priority, int[] lower, int[] upper, int total)
        where TPriority : struct, IUnitPriority
    {
        var units = (int[])lower.Clone();
        long placed = 0;
        foreach (var floor in lower)
        {
            placed += floor;
        }

        if (placed == total)
        {
            return units;
        }

        if (total - placed <= units.Length)
        {
            // Few units to place: handing them out one at a time from the lower bounds is cheaper than a threshold.
            AddStrongest(priority, units, upper, (int)(total - placed));
            return units;
        }

        var (pivot, pivotUnit, quotas) = ChooseThreshold(priority, lower, upper, total);
        if (pivot < 0)
        {
            return units;
        }

        placed = 0;
        for (var region = 0; region < units.Length; region++)
        {
            if (upper[region] > lower[region])
            {
                // The number of this region's units whose claim is at least the pivot's; the quota only says where to look.
                var count = Math.Clamp(quotas[region], lower[region], upper[region]);
                while (count < upper[region] && priority.Compare(region, count, pivot, pivotUnit) >= 0)
                {
                    count++;
                }

                while (count > lower[region] && priority.Compare(region, count - 1, pivot, pivotUnit) < 0)
                {
                    count--;
                }

                units[region] = count;
            }

            placed += units[region];
        }

        if (placed < total)
        {
            AddStrongest(priority, units, upper, (int)(total - placed));
        }
        else if (placed > total)
        {
            RemoveWeakest(priority, units, lower, (int)(placed - total));
        }

        return units;
    }

    /// <summary>Finds equal claims split by the boundary: regions whose last unit has the weakest given claim, and regions whose next unit has that same claim.</summary>
    /// <returns>Both empty when the weakest given claim is strictly stronger than every claim left out.</returns>
    internal static (int[] Given, int[] Waiting) FindBoundaryTie<TPriority>(TPriority priority, int[] units, int[] lower, int[] upper)
        where TPriority : struct, IUnitPriority
    {
        int weakest = -1, strongest = -1;
        for (var region = 0; region < units.Length; region++)
        {
            if (units[region] > lower[region] && (weakest < 0 || priority.Compare(region, units[region] - 1, weakest, units[weakest] - 1) < 0))
            {
                weakest = region;
            }

            if (units[region] < upper[region] && (strongest < 0 || priority.Compare(region, units[region], strongest, units[strongest]) > 0))
            {
                strongest = region;
            }
        }

        if (weakest < 0 || strongest < 0 || priority.Compare(strongest, units[strongest], weakest, units[weakest] - 1) < 0)
        {
            return ([], []);
        }

        Debug.Assert(priority.Compare(strongest, units[strongest], weakest, units[weakest] - 1) == 0, "The given units must be the strongest claims.");
        List<int> given = [], waiting = [];
        for (var region = 0; region < units.Length; region++)
        {
            if (units[region] > lower[region] && priority.Compare(region, units[region] - 1, weakest, units[weakest] - 1) == 0)
            {
                given.Add(region);
            }
            else if (units[region] < upper[region] && priority.Compare(region, units[region], weakest, units[weakest] - 1) == 0)
            {
                waiting.Add(region);
            }
        }

        return ([.. given], [.. waiting]);
    }

    private static (int Pivot, int PivotUnit, int[] Quotas) ChooseThreshold<TPriority>(TPriority priority, int[] lower, int[] upper, int total)
        where TPriority : struct, IUnitPriority
    {
        // Guess weights stay below 2^84 and there are fewer than 2^31 regions and units, so nothing here overflows 2^127.
        var weights = new Int128[lower.Length];
        Int128 weightSum = 0;
        for (var region = 0; region < lower.Length; region++)
        {
            if (upper[region] > lower[region])
            {
                weights[region] = priority.GuessWeight(region);
                weightSum = unchecked(weightSum + weights[region]);
            }
        }

        var quotas = new int[lower.Length];
        int pivot = -1, fallback = -1;
        Int128 pivotWeight = -1, fallbackWeight = -1;
        for (var region = 0; region < lower.Length; region++)
        {
            if (upper[region] <= lower[region])
            {
                continue;
            }

            var weight = weights[region];
            quotas[region] = weightSum == 0 ? lower[region] : (int)Int128.Min(unchecked(weight * total) / weightSum, total);
            if (weight > fallbackWeight)
            {
                (fallback, fallbackWeight) = (region, weight);
            }

            if (weight > pivotWeight && quotas[region] >= lower[region] && quotas[region] < upper[region])
            {
                (pivot, pivotWeight) = (region, weight);
            }
        }

        // The threshold is the pivot's claim on the unit its quota ends in: the largest region whose quota lies inside
        // its bounds, so the threshold sits near the last unit given. Any threshold gives the same result.
        pivot = pivot >= 0 ? pivot : fallback;
        return pivot < 0 ? (-1, 0, quotas) : (pivot, Math.Clamp(quotas[pivot], lower[pivot], upper[pivot] - 1), quotas);
    }

    private static void AddStrongest<TPriority>(TPriority priority, int[] units, int[] upper, int count)
        where TPriority : struct, IUnitPriority
    {
        if (units.Length <= LinearScanRegions)
        {
            for (; count > 0; count--)
            {
                var strongest = -1;
                for (var region = 0; region < units.Length; region++)
                {
                    if (units[region] < upper[region] && (strongest < 0 || priority.Compare(region, units[region], strongest, units[strongest]) > 0))
                    {
                        strongest = region;
                    }
                }

                units[strongest]++;
            }

            return;
        }

        var queue = new PriorityQueue<int, (int Region, int Unit)>(new UnitComparer<TPriority>(priority, strongestFirst: true));
        for (var region = 0; region < units.Length; region++)
        {
            if (units[region] < upper[region])
            {
                queue.Enqueue(region, (region, units[region]));
            }
        }

        for (; count > 0; count--)
        {
            var region = queue.Dequeue();
            if (++units[region] < upper[region])
            {
                queue.Enqueue(region, (region, units[region]));
            }
        }
    }

    private static void RemoveWeakest<TPriority>(TPriority priority, int[] units, int[] lower, int count)
        where TPriority : struct, IUnitPriority
    {
        if (units.Length <= LinearScanRegions)
        {
            for (; count > 0; count--)
            {
                var weakest = -1;
                for (var region = 0; region < units.Length; region++)
                {
                    if (units[region] > lower[region] && (weakest < 0 || priority.Compare(region, units[region] - 1, weakest, units[weakest] - 1) < 0))
                    {
                        weakest = region;
                    }
                }

                units[weakest]--;
            }

            return;
        }

        var queue = new PriorityQueue<int, (int Region, int Unit)>(new UnitComparer<TPriority>(priority, strongestFirst: false));
        for (var region = 0; region < units.Length; region++)
        {
            if (units[region] > lower[region])
            {
                queue.Enqueue(region, (region, units[region] - 1));
            }
        }

        for (; count > 0; count--)
        {
            var region = queue.Dequeue();
            if (--units[region] > lower[region])
            {
                queue.Enqueue(region, (region, units[region] - 1));
            }
        }
    }

    /// <summary>Orders units by claim for a <see cref="PriorityQueue{TElement, TPriority}"/>, which dequeues the smallest first.</summary>
    internal sealed class UnitComparer<TPriority>(TPriority priority, bool strongestFirst) : IComparer<(int Region, int Unit)>
        where TPriority : struct, IUnitPriority
    {
        public int Compare((int Region, int Unit) x, (int Region, int Unit) y)
        {
            var order = priority.Compare(x.Region, x.Unit, y.Region, y.Unit);
            return strongestFirst ? -order : order;
        }
    }
}
