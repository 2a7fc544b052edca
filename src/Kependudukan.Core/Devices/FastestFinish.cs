using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Devices;

/// <summary>Allocates devices among regions so that the last region to clear its backlog finishes as early as possible.</summary>
/// <remarks>
/// <para>A region with backlog <c>b</c>, <c>k</c> devices and a daily throughput of <c>r</c> per device needs
/// <c>⌈b / (k·r)⌉</c> working days. Every region with a backlog first gets one device; each further device goes to the
/// region that currently needs the most days, <c>b / (k·r)</c> compared exactly (the Adams method on <c>b / r</c>). This
/// greedy rule minimises the largest <c>b / (k·r)</c>, and therefore the largest whole number of days, because a region
/// that needs the most days can only finish sooner with another device. Equal claims go to the lower region index.</para>
/// <para>A region never gets more devices than it can use: with <c>⌈b / r⌉</c> devices it finishes in one day. Devices
/// beyond that for every region are spare. A region with no backlog gets no device. When there are fewer devices than
/// regions with a backlog, the backlog cannot be cleared: the devices go one each to the regions needing the most days
/// alone, and the others never finish (their days and <see cref="FastestFinishResult.MaxDays"/> are <see langword="null"/>).</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class FastestFinish
{
    /// <summary>Allocates devices of one common daily throughput to minimise the largest number of days any region needs.</summary>
    /// <param name="devices">The devices to allocate, 0 or more.</param>
    /// <param name="backlogs">The backlog of each region (residents still to record, cards still to print), 0 or more.</param>
    /// <param name="dailyThroughputPerDevice">What one device clears in a working day, 1 or more.</param>
    /// <returns>The devices and days of each region and the largest number of days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backlogs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="devices"/> is negative or <paramref name="dailyThroughputPerDevice"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A backlog is negative.</exception>
    public static FastestFinishResult Allocate(int devices, IReadOnlyList<long> backlogs, int dailyThroughputPerDevice)
    {
        Preconditions.CheckNotNull(backlogs);
        Preconditions.CheckArgumentRange(nameof(dailyThroughputPerDevice), dailyThroughputPerDevice, 1, int.MaxValue);
        var throughputs = new int[backlogs.Count];
        Array.Fill(throughputs, dailyThroughputPerDevice);
        return Allocate(devices, backlogs, throughputs);
    }

    /// <summary>Allocates devices whose daily throughput differs by region to minimise the largest number of days any region needs.</summary>
    /// <param name="devices">The devices to allocate, 0 or more.</param>
    /// <param name="backlogs">The backlog of each region (residents still to record, cards still to print), 0 or more.</param>
    /// <param name="dailyThroughputPerDevice">What one device clears in a working day in each region, each 1 or more.</param>
    /// <returns>The devices and days of each region and the largest number of days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backlogs"/> or <paramref name="dailyThroughputPerDevice"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="devices"/> is negative.</exception>
    /// <exception cref="ArgumentException">A backlog is negative, a throughput is less than 1, or the lists differ in length.</exception>
    public static FastestFinishResult Allocate(int devices, IReadOnlyList<long> backlogs, IReadOnlyList<int> dailyThroughputPerDevice)
    {
        Preconditions.CheckArgumentRange(nameof(devices), devices, 0, int.MaxValue);
        Preconditions.CheckNotNull(backlogs);
        Preconditions.CheckNotNull(dailyThroughputPerDevice);
        if (dailyThroughputPerDevice.Count != backlogs.Count)
        {
            throw new ArgumentException(
                Invariant($"There are {dailyThroughputPerDevice.Count} throughputs for {backlogs.Count} backlogs; give one per region."),
                nameof(dailyThroughputPerDevice));
        }

        var count = backlogs.Count;
        long[] backlog = new long[count];
        int[] throughput = new int[count], lower = new int[count], upper = new int[count];
        long regionsWithBacklog = 0, usable = 0;
        for (var region = 0; region < count; region++)
        {
            backlog[region] = backlogs[region];
            throughput[region] = dailyThroughputPerDevice[region];
            if (backlog[region] < 0)
            {
                throw new ArgumentException(Invariant($"Region {region} has backlog {backlog[region]}; backlogs must be 0 or more."), nameof(backlogs));
            }

            if (throughput[region] < 1)
            {
                throw new ArgumentException(Invariant($"Region {region} has daily throughput {throughput[region]}; a device must clear at least 1 a day."), nameof(dailyThroughputPerDevice));
            }
            if (backlog[region] > 0)
            {
                regionsWithBacklog++;
                lower[region] = 1;
                upper[region] = (int)Math.Min(Ceiling(backlog[region], throughput[region]), Math.Max(devices, 1));
                usable += upper[region];
            }
        }

        var priority = new DaysPriority(backlog, throughput);
        int[] units;
        if (devices < regionsWithBacklog)
        {
            units = OneEachToSlowest(priority, backlog, devices);
        }
        else
        {
            units = HighestAverages.Fill(priority, lower, upper, (int)Math.Min(devices, usable));
            var (given, waiting) = HighestAverages.FindBoundaryTie(priority, units, lower, upper);
            if (given.Length > 0)
            {
                Apportionment.ResolveTie(units, given, waiting, ApportionmentTiePolicy.LowerIndexFirst, backlog);
            }
        }

        var days = new long?[count];
        long allocated = 0;
        for (var region = 0; region < count; region++)
        {
            allocated += units[region];
            days[region] = backlog[region] == 0 ? 0 : units[region] == 0 ? null : Ceiling(backlog[region], (long)units[region] * throughput[region]);
        }

        return new FastestFinishResult(units, days, devices - (int)allocated);
    }

    private static int[] OneEachToSlowest(DaysPriority priority, long[] backlogs, int devices)
    {
        var order = new List<int>();
        for (var region = 0; region < backlogs.Length; region++)
        {
            if (backlogs[region] > 0)
            {
                order.Add(region);
            }
        }

        // Most days with one device first; equal days by lower index.
        order.Sort((a, b) => priority.Compare(a, 1, b, 1) is var c && c != 0 ? -c : a.CompareTo(b));
        var units = new int[backlogs.Length];
        foreach (var region in order[..devices])
        {
            units[region] = 1;
        }

        return units;
    }

    private static long Ceiling(long dividend, long divisor) => (dividend / divisor) + (dividend % divisor == 0 ? 0 : 1);
}
