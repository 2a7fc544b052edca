using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public partial class ApportionmentTests
{
    [Fact]
    public void Allocate_EqualShare_TwoPrintersForEveryRegencyWithBacklog()
    {
        // The story: two printers for every regency; a region without backlog needs none.
        var result = Apportionment.Allocate(ApportionmentMethod.EqualShare, 8, [120_000, 0, 5_000, 800_000, 1]);

        Assert.Equal([2, 0, 2, 2, 2], result.Units);
        Assert.Empty(result.Ties);
    }

    [Fact]
    public void Allocate_EqualShareNotDivisible_ReportsRemainderAsTie()
    {
        var result = Apportionment.Allocate(ApportionmentMethod.EqualShare, 10, [3, 1, 2, 0]);

        Assert.Equal([3, 3, 3, 0], result.Units);
        var tie = Assert.Single(result.Ties);
        Assert.Equal([0, 1, 2], tie.Regions);
        Assert.Equal(1, tie.ContestedUnits);
        Assert.Equal(1, result.UnallocatedUnits);
    }

    [Fact]
    public void Allocate_EqualShareWithHeld_LevelsTotals()
    {
        var result = Apportionment.Allocate(ApportionmentMethod.EqualShare, 5, [1, 1, 1], new() { Held = [3, 1, 0] });

        Assert.Equal([3, 3, 3], result.Units);
        Assert.Equal([0, 2, 3], result.Added);
    }

    [Fact]
    public void Allocate_Held_NeverTakenAwayAndAddedExcludesThem()
    {
        // 100 : 100 would split 10 units 5 : 5, but region 0 already holds 6.
        var result = Apportionment.Allocate(ApportionmentMethod.Webster, 4, [100, 100], new() { Held = [6, 0] });

        Assert.Equal([6, 4], result.Units);
        Assert.Equal([0, 4], result.Added);
    }

    [Theory]
    [InlineData(ApportionmentMethod.Jefferson)]
    [InlineData(ApportionmentMethod.Hamilton)]
    public void Allocate_MinimumPerRegion_IsFloorNotBonus(ApportionmentMethod method)
    {
        // 90, 5, 5 and 10 units with at least one each: B and C get their one, A the other 8
        // (Jefferson: A's claims 45, 30, ... beat B's 2.5; Hamilton: A's clamped quota is 10 - 1 - 1 = 8 exactly).
        var result = Apportionment.Allocate(method, 10, [90, 5, 5], new() { MinimumPerRegion = 1 });

        Assert.Equal([8, 1, 1], result.Units);
    }

    [Theory]
    [InlineData(ApportionmentMethod.Jefferson)]
    [InlineData(ApportionmentMethod.Hamilton)]
    public void Allocate_MaximumPerRegion_SpreadsTheRest(ApportionmentMethod method)
    {
        // A is capped at 6; B and C share the other 4 equally.
        var result = Apportionment.Allocate(method, 10, [90, 5, 5], new() { MaximumPerRegion = 6 });

        Assert.Equal([6, 2, 2], result.Units);
    }

    [Fact]
    public void Allocate_PerRegionBounds_CombineWithCommonOnes()
    {
        // Minimums: max(1, [0, 3, 0]) = 1, 3, 1; caps: min(7, [5, 9, 9]) = 5, 7, 7. Jefferson on 60, 30, 10 with 10 units
        // would give 6, 3, 1: A is cut to 5 and the freed unit goes to B's next quotient 30/4 = 7.5 against C's 10/2 = 5.
        var result = Apportionment.Allocate(
            ApportionmentMethod.Jefferson,
            10,
            [60, 30, 10],
            new() { MinimumPerRegion = 1, Minimums = [0, 3, 0], MaximumPerRegion = 7, Maximums = [5, 9, 9] });

        Assert.Equal([5, 4, 1], result.Units);
    }

    [Theory]
    [InlineData(ApportionmentMethod.Adams)]
    [InlineData(ApportionmentMethod.HuntingtonHill)]
    public void Allocate_ImpliedMinimum_OnlyForPositiveWeights(ApportionmentMethod method)
    {
        var result = Apportionment.Allocate(method, 5, [1_000, 0, 1, 0]);

        Assert.Equal([4, 0, 1, 0], result.Units);
    }

    [Theory]
    [InlineData(ApportionmentMethod.Hamilton)]
    [InlineData(ApportionmentMethod.Jefferson)]
    [InlineData(ApportionmentMethod.Webster)]
    public void Allocate_ZeroWeight_GetsOnlyExplicitMinimum(ApportionmentMethod method)
    {
        var result = Apportionment.Allocate(method, 6, [0, 10, 0], new() { Minimums = [2, 0, 0] });

        Assert.Equal([2, 4, 0], result.Units);
    }

    [Fact]
    public void Allocate_HamiltonWithMinimumAndCap_UsesClampedQuotas()
    {
        // Weights 50, 30, 15, 5, 20 units, minimum 2, cap 8. Unclamped quotas 10, 6, 3, 1: A is capped at 8 and D raised to 2,
        // leaving 10 for B and C in proportion 30 : 15 -> quotas 6.67 and 3.33 -> 6 and 3, the last unit to B (0.67).
        var result = Apportionment.Allocate(ApportionmentMethod.Hamilton, 20, [50, 30, 15, 5], new() { MinimumPerRegion = 2, MaximumPerRegion = 8 });

        Assert.Equal([8, 7, 3, 2], result.Units);
    }

    [Fact]
    public void Allocate_NoUnits_ReturnsMinimums()
    {
        var result = Apportionment.Allocate(ApportionmentMethod.Webster, 0, [5, 0, 7], new() { Held = [1, 2, 0] });

        Assert.Equal([1, 2, 0], result.Units);
        Assert.Equal([0, 0, 0], result.Added);
    }

    [Fact]
    public void Allocate_NoRegions_NoUnits_ReturnsEmpty() =>
        Assert.Empty(Apportionment.Allocate(ApportionmentMethod.Hamilton, 0, []).Units);

    [Theory]
    [InlineData(ApportionmentMethod.Hamilton)]
    [InlineData(ApportionmentMethod.Jefferson)]
    [InlineData(ApportionmentMethod.Webster)]
    [InlineData(ApportionmentMethod.Adams)]
    [InlineData(ApportionmentMethod.HuntingtonHill)]
    public void Allocate_HugeWeights_ExactWithoutOverflow(ApportionmentMethod method)
    {
        // Weights near long.MaxValue in ratio 3 : 1 split 8 units 6 : 2 under every method; 2^62-sized claims
        // take Huntington-Hill's 256-bit path.
        const long Unit = long.MaxValue / 4;
        var result = Apportionment.Allocate(method, 8, [3 * Unit, Unit]);

        Assert.Equal([6, 2], result.Units);
    }
}
