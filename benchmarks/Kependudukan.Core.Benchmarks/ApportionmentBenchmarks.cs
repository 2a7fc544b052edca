using System.Numerics;
using BenchmarkDotNet.Attributes;
using Kependudukan.Devices;

namespace Kependudukan.Benchmarks;

/// <summary>Apportions 1,000,000 units among the 514 regencies and cities, by every method.</summary>
/// <remarks>
/// The baseline computes each method by its textbook definition: divisor methods give one unit at a time to the
/// strongest claim through a priority queue (exact comparisons); Hamilton takes BigInteger quotas and sorts every
/// remainder. <see cref="Apportionment.Allocate"/> starts divisor methods near the final threshold and only corrects the
/// boundary.
/// </remarks>
[MemoryDiagnoser]
public class ApportionmentBenchmarks
{
    private const int Units = 1_000_000;
    private static readonly ApportionmentOptions s_breakTies = new() { TiePolicy = ApportionmentTiePolicy.LowerIndexFirst };
    private long[] _weights = [];

    /// <summary>Gets or sets the method.</summary>
    [Params(
        ApportionmentMethod.Hamilton,
        ApportionmentMethod.Jefferson,
        ApportionmentMethod.Webster,
        ApportionmentMethod.Adams,
        ApportionmentMethod.HuntingtonHill,
        ApportionmentMethod.EqualShare)]
    public ApportionmentMethod Method { get; set; }

    /// <summary>Builds 514 regency populations between 20,000 and 6,000,000 from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(514);
        _weights = [.. Enumerable.Range(0, 514).Select(_ => (long)(Math.Exp(random.NextDouble() * Math.Log(300)) * 20_000))];
    }

    /// <summary>The textbook definition: one unit at a time (divisor methods) or BigInteger quotas and a full sort (Hamilton).</summary>
    /// <returns>Units per region.</returns>
    [Benchmark(Baseline = true)]
    public int[] Textbook() => Method switch
    {
        ApportionmentMethod.Hamilton => TextbookHamilton(_weights, Units),
        ApportionmentMethod.Jefferson => OneAtATime(new LinearDivisorPriority(_weights, 1, 1), _weights.Length, Units, 0),
        ApportionmentMethod.Webster => OneAtATime(new LinearDivisorPriority(_weights, 2, 1), _weights.Length, Units, 0),
        ApportionmentMethod.Adams => OneAtATime(new LinearDivisorPriority(_weights, 1, 0), _weights.Length, Units, 1),
        ApportionmentMethod.HuntingtonHill => OneAtATime(new EqualProportionsPriority(_weights), _weights.Length, Units, 1),
        _ => OneAtATime(new LinearDivisorPriority([.. _weights.Select(_ => 1L)], 1, 1), _weights.Length, Units, 0),
    };

    /// <summary>The library, breaking ties by lower index (equal share of 1,000,000 among 514 leaves 270 units contested).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ApportionmentResult Allocate() => Apportionment.Allocate(Method, Units, _weights, s_breakTies);

    private static int[] OneAtATime<TPriority>(TPriority priority, int count, int units, int start)
        where TPriority : struct, IUnitPriority
    {
        var allocation = new int[count];
        var queue = new PriorityQueue<int, (int Region, int Unit)>(new HighestAverages.UnitComparer<TPriority>(priority, strongestFirst: true));
        for (var region = 0; region < count; region++)
        {
            allocation[region] = start;
            queue.Enqueue(region, (region, start));
        }

        for (var left = units - (count * start); left > 0; left--)
        {
            var region = queue.Dequeue();
            queue.Enqueue(region, (region, ++allocation[region]));
        }

        return allocation;
    }

    private static int[] TextbookHamilton(long[] weights, int units)
    {
        var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        var allocation = new int[weights.Length];
        var remainders = new (BigInteger Remainder, int Region)[weights.Length];
        var left = units;
        for (var region = 0; region < weights.Length; region++)
        {
            var quotient = BigInteger.DivRem((BigInteger)weights[region] * units, total, out var remainder);
            allocation[region] = (int)quotient;
            remainders[region] = (remainder, region);
            left -= allocation[region];
        }

        Array.Sort(remainders, (x, y) => y.Remainder.CompareTo(x.Remainder));
        for (var rank = 0; rank < left; rank++)
        {
            allocation[remainders[rank].Region]++;
        }

        return allocation;
    }
}

/// <summary>Allocates two devices per region (20 among 10 regions, 1,028 among 514) to finish the backlogs soonest.</summary>
/// <remarks>The baseline gives one device at a time to the region needing the most days, found by a linear scan.</remarks>
[MemoryDiagnoser]
public class FastestFinishBenchmarks
{
    private long[] _backlogs = [];
    private int[] _throughputs = [];

    /// <summary>Gets or sets the number of regions; there are twice as many devices.</summary>
    [Params(10, 514)]
    public int Regions { get; set; }

    /// <summary>Builds backlogs up to 300,000 residents and throughputs of 50 to 400 a day from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        _backlogs = [.. Enumerable.Range(0, Regions).Select(_ => random.NextInt64(1, 300_000))];
        _throughputs = [.. Enumerable.Range(0, Regions).Select(_ => random.Next(50, 401))];
    }

    /// <summary>One device at a time to the slowest region, by a linear scan with exact comparisons.</summary>
    /// <returns>Devices per region.</returns>
    [Benchmark(Baseline = true)]
    public int[] OneAtATime()
    {
        var priority = new DaysPriority(_backlogs, _throughputs);
        var units = new int[Regions];
        Array.Fill(units, 1);
        for (var left = Regions; left > 0; left--)
        {
            var slowest = 0;
            for (var region = 1; region < Regions; region++)
            {
                if (priority.Compare(region, units[region], slowest, units[slowest]) > 0)
                {
                    slowest = region;
                }
            }

            units[slowest]++;
        }

        return units;
    }

    /// <summary>The library.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public FastestFinishResult Allocate() => FastestFinish.Allocate(2 * Regions, _backlogs, _throughputs);
}
