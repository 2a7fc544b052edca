using System.Numerics;
using CsCheck;
using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public class ApportionmentPropertyTests
{
    private static readonly ApportionmentMethod[] s_methods =
    [
        ApportionmentMethod.Hamilton, ApportionmentMethod.Jefferson, ApportionmentMethod.Webster,
        ApportionmentMethod.Adams, ApportionmentMethod.HuntingtonHill, ApportionmentMethod.EqualShare,
    ];

    private static readonly ApportionmentMethod[] s_divisorMethods = [.. s_methods.Where(m => m != ApportionmentMethod.Hamilton)];

    // Small weights make ties common; the largest exercise 128- and 256-bit comparisons.
    private static Gen<long[]> Weights(int maxCount) =>
        from count in Gen.Int[1, maxCount]
        from scale in Gen.Int[0, 3]
        from weights in (scale switch
        {
            0 => Gen.Long[0, 6],
            1 => Gen.Long[0, 1_000],
            2 => Gen.Long[0, 1_000_000_000],
            _ => Gen.Long[0, long.MaxValue],
        }).Array[count]
        select weights;

    private static Gen<ApportionmentOptions> Options(int count, bool caps) =>
        from minimum in Gen.Int[0, 2]
        from minimums in Gen.Int[0, 3].Array[count].Null()
        from cap in caps ? Gen.Int[0, 12].Nullable() : Gen.Const((int?)null)
        from maximums in caps ? Gen.Int[0, 20].Array[count].Null() : Gen.Const((int[]?)null)
        from held in Gen.Int[0, 3].Array[count].Null()
        from policy in Gen.Int[1, 3]
        select new ApportionmentOptions
        {
            MinimumPerRegion = minimum,
            Minimums = minimums,
            MaximumPerRegion = cap,
            Maximums = maximums,
            Held = held,
            TiePolicy = (ApportionmentTiePolicy)policy,
        };

    private static Gen<(ApportionmentMethod Method, int Units, long[] Weights, ApportionmentOptions Options)> Cases(
        ApportionmentMethod[] methods, int maxCount, int maxUnits, bool caps) =>
        from method in Gen.OneOf(methods)
        from units in Gen.Int[0, maxUnits]
        from weights in Weights(maxCount)
        from options in Options(weights.Length, caps)
        select (method, units, weights, options);

    private static string Print((ApportionmentMethod Method, int Units, long[] Weights, ApportionmentOptions Options) c) =>
        $"{c.Method} units={c.Units} weights=[{string.Join(", ", c.Weights)}] min={c.Options.MinimumPerRegion} " +
        $"mins=[{Join(c.Options.Minimums)}] max={c.Options.MaximumPerRegion} maxs=[{Join(c.Options.Maximums)}] " +
        $"held=[{Join(c.Options.Held)}] ties={c.Options.TiePolicy}";

    private static string Join(IReadOnlyList<int>? values) => values is null ? "-" : string.Join(", ", values);

    [Fact]
    public void Allocate_RandomCases_MatchesSequentialReference() =>
        Cases(s_methods, maxCount: 7, maxUnits: 40, caps: true).Sample(
            c =>
            {
                if (ApportionmentReference.Bounds(c.Method, c.Units, c.Weights, c.Options) is null)
                {
                    Assert.ThrowsAny<ArgumentException>(() => Apportionment.Allocate(c.Method, c.Units, c.Weights, c.Options));
                    return;
                }

                var expected = ApportionmentReference.Allocate(c.Method, c.Units, c.Weights, c.Options);
                var actual = Apportionment.Allocate(c.Method, c.Units, c.Weights, c.Options);

                AssertSame(expected, actual);
                var held = c.Options.Held ?? new int[c.Weights.Length];
                Assert.Equal(actual.Units.Select((u, i) => u - held[i]), actual.Added);
            },
            iter: 4_000,
            print: Print);

    [Fact]
    public void Allocate_ManyRegionsAndUnits_MatchesSequentialReference() =>
        Cases(s_methods, maxCount: 40, maxUnits: 400, caps: true).Sample(
            c =>
            {
                if (ApportionmentReference.Bounds(c.Method, c.Units, c.Weights, c.Options) is not null)
                {
                    AssertSame(ApportionmentReference.Allocate(c.Method, c.Units, c.Weights, c.Options), Apportionment.Allocate(c.Method, c.Units, c.Weights, c.Options));
                }
            },
            iter: 150,
            print: Print);

    [Fact]
    public void Allocate_MoreRegionsThanLinearScan_MatchesSequentialReference() =>
        // Above 32 regions the boundary is corrected through priority queues, adding or removing units.
        Gen.Select(Gen.OneOf(s_methods), Gen.Int[0, 1_500], Gen.Int[33, 90].SelectMany(n => Gen.Long[0, 5_000].Array[n]), Gen.Int[1, 3]).Sample(
            (method, units, weights, policy) =>
            {
                var options = new ApportionmentOptions { TiePolicy = (ApportionmentTiePolicy)policy };
                if (ApportionmentReference.Bounds(method, units, weights, options) is not null)
                {
                    AssertSame(ApportionmentReference.Allocate(method, units, weights, options), Apportionment.Allocate(method, units, weights, options));
                }
            },
            iter: 60);

    [Fact]
    public void Allocate_TieBroken_SumOfUnitsEqualsTotal() =>
        Cases(s_methods, maxCount: 7, maxUnits: 60, caps: true).Sample(
            c =>
            {
                var options = c.Options.TiePolicy == ApportionmentTiePolicy.Report ? With(c.Options, ApportionmentTiePolicy.LowerIndexFirst) : c.Options;
                if (ApportionmentReference.Bounds(c.Method, c.Units, c.Weights, options) is null)
                {
                    return;
                }

                var result = Apportionment.Allocate(c.Method, c.Units, c.Weights, options);
                Assert.Equal(c.Units, result.Added.Sum());
                Assert.Equal(c.Units + (options.Held?.Sum() ?? 0), result.Units.Sum());
                Assert.Equal(0, result.UnallocatedUnits);
            },
            iter: 2_000,
            print: Print);

    [Fact]
    public void Allocate_Report_LeavesExactlyContestedUnitsUnallocated() =>
        Cases(s_methods, maxCount: 7, maxUnits: 60, caps: true).Sample(
            c =>
            {
                var options = With(c.Options, ApportionmentTiePolicy.Report);
                if (ApportionmentReference.Bounds(c.Method, c.Units, c.Weights, options) is null)
                {
                    return;
                }

                var result = Apportionment.Allocate(c.Method, c.Units, c.Weights, options);
                Assert.Equal(c.Units - result.UnallocatedUnits, result.Added.Sum());
                Assert.Equal(result.Ties.Sum(t => t.ContestedUnits), result.UnallocatedUnits);
                Assert.All(result.Ties, t => Assert.True(t.Regions.Count > t.ContestedUnits));
            },
            iter: 2_000,
            print: Print);

    [Fact]
    public void Allocate_DivisorMethods_AreHouseMonotone() =>
        Cases(s_divisorMethods, maxCount: 7, maxUnits: 60, caps: false).Sample(
            c =>
            {
                var options = With(c.Options, ApportionmentTiePolicy.LowerIndexFirst);
                if (ApportionmentReference.Bounds(c.Method, c.Units, c.Weights, options) is null
                    || ApportionmentReference.Bounds(c.Method, c.Units + 1, c.Weights, options) is null)
                {
                    return;
                }

                var smaller = Apportionment.Allocate(c.Method, c.Units, c.Weights, options).Units;
                var larger = Apportionment.Allocate(c.Method, c.Units + 1, c.Weights, options).Units;
                Assert.All(smaller.Zip(larger), pair => Assert.True(pair.First <= pair.Second, Print(c)));
            },
            iter: 2_000,
            print: Print);

    [Fact]
    public void Allocate_Hamilton_StaysWithinQuota() =>
        Gen.Select(Gen.Int[0, 200], Weights(12), Gen.Int[1, 3]).Sample(
            (units, weights, policy) =>
            {
                var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
                if (total.IsZero && units > 0)
                {
                    return;
                }

                var result = Apportionment.Allocate(ApportionmentMethod.Hamilton, units, weights, new() { TiePolicy = (ApportionmentTiePolicy)policy });
                for (var i = 0; i < weights.Length; i++)
                {
                    var share = total.IsZero ? BigInteger.Zero : (BigInteger)weights[i] * units;
                    var floor = total.IsZero ? 0 : BigInteger.Divide(share, total);
                    var ceiling = total.IsZero ? 0 : floor + (BigInteger.Remainder(share, total).IsZero ? 0 : 1);
                    Assert.InRange(result.Units[i], (int)floor, (int)ceiling);
                }
            },
            iter: 1_000);

    [Fact]
    public void Allocate_ScaledWeights_SameResult() =>
        Gen.Select(Cases(s_methods, maxCount: 7, maxUnits: 40, caps: true), Gen.Long[2, 1_000_000]).Sample(
            (c, factor) =>
            {
                var weights = c.Weights.Select(w => w % 1_000_000_000).ToArray();
                if (ApportionmentReference.Bounds(c.Method, c.Units, weights, c.Options) is null)
                {
                    return;
                }

                var original = Apportionment.Allocate(c.Method, c.Units, weights, c.Options);
                var scaled = Apportionment.Allocate(c.Method, c.Units, [.. weights.Select(w => w * factor)], c.Options);
                Assert.Equal(original.Units, scaled.Units);
                Assert.Equal(original.Ties.Select(Describe), scaled.Ties.Select(Describe));
            },
            iter: 2_000);

    private static string Describe(ApportionmentTie tie) => $"{string.Join(",", tie.Regions)}:{tie.ContestedUnits}:{string.Join(",", tie.Recipients)}";

    private static ApportionmentOptions With(ApportionmentOptions o, ApportionmentTiePolicy policy) => new()
    {
        MinimumPerRegion = o.MinimumPerRegion,
        Minimums = o.Minimums,
        MaximumPerRegion = o.MaximumPerRegion,
        Maximums = o.Maximums,
        Held = o.Held,
        TiePolicy = policy,
    };

    private static void AssertSame(ApportionmentReference.Outcome expected, ApportionmentResult actual)
    {
        Assert.Equal(expected.Units, actual.Units);
        if (expected.TieRegions.Length == 0)
        {
            Assert.Empty(actual.Ties);
            return;
        }

        var tie = Assert.Single(actual.Ties);
        Assert.Equal(expected.TieRegions, tie.Regions);
        Assert.Equal(expected.Contested, tie.ContestedUnits);
        Assert.Equal(expected.Recipients, tie.Recipients);
    }
}
