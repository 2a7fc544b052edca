using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public partial class ApportionmentTests
{
    [Fact]
    public void Allocate_NegativeWeight_NamesRegion()
    {
        var error = Assert.Throws<ArgumentException>("weights", () => Apportionment.Allocate(ApportionmentMethod.Webster, 3, [4, -5, 2]));

        Assert.Equal("Region 1 has weight -5; weights must be 0 or more. (Parameter 'weights')", error.Message);
    }

    [Fact]
    public void Allocate_MinimumsExceedUnits_NamesRegionsAndRule()
    {
        var error = Assert.Throws<ArgumentException>("units", () =>
            Apportionment.Allocate(ApportionmentMethod.Hamilton, 5, [1, 1, 1, 1], new() { MinimumPerRegion = 2 }));

        Assert.Equal(
            "The minimums cannot be met: regions 0 to 2 alone need 6 units (minimums, held units and any unit the method implies), but only 5 are available (5 to hand out plus 0 held). (Parameter 'units')",
            error.Message);
    }

    [Fact]
    public void Allocate_HuntingtonHillFewerUnitsThanRegions_Throws() =>
        Assert.Throws<ArgumentException>("units", () => Apportionment.Allocate(ApportionmentMethod.HuntingtonHill, 2, [5, 6, 7]));

    [Fact]
    public void Allocate_CapsTooTight_Throws()
    {
        var error = Assert.Throws<ArgumentException>("units", () =>
            Apportionment.Allocate(ApportionmentMethod.Jefferson, 10, [5, 5, 0], new() { MaximumPerRegion = 4 }));

        Assert.Equal(
            "Only 8 of the 10 units can be placed: every region is at its cap, and a region with weight 0 takes no unit beyond its minimum. (Parameter 'units')",
            error.Message);
    }

    [Fact]
    public void Allocate_AllWeightsZero_WithUnits_Throws() =>
        Assert.Throws<ArgumentException>("units", () => Apportionment.Allocate(ApportionmentMethod.Webster, 1, [0, 0]));

    [Fact]
    public void Allocate_HeldAboveCap_NamesRegionAndRule()
    {
        var error = Assert.Throws<ArgumentException>("options", () =>
            Apportionment.Allocate(ApportionmentMethod.Webster, 1, [5, 5], new() { Held = [0, 3], Maximums = [5, 2] }));

        Assert.Equal(
            "Region 1 needs a total of at least 3 (the units it already holds, which are never taken away) but its cap is 2. (Parameter 'options')",
            error.Message);
    }

    [Fact]
    public void Allocate_AdamsImpliedUnitAboveCap_NamesRegionAndRule()
    {
        var error = Assert.Throws<ArgumentException>("options", () =>
            Apportionment.Allocate(ApportionmentMethod.Adams, 1, [5, 5], new() { Maximums = [1, 0] }));

        Assert.Equal(
            "Region 1 needs a total of at least 1 (the one unit Adams gives every region with a positive weight) but its cap is 0. (Parameter 'options')",
            error.Message);
    }

    [Fact]
    public void Allocate_ListOfWrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>("options", () =>
            Apportionment.Allocate(ApportionmentMethod.Webster, 1, [5, 5], new() { Minimums = [1] }));

        Assert.Equal("Minimums has 1 entries but there are 2 weights; give one entry per region. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void Allocate_NegativeListEntry_Throws() =>
        Assert.Throws<ArgumentException>("options", () => Apportionment.Allocate(ApportionmentMethod.Webster, 1, [5, 5], new() { Held = [0, -1] }));

    [Fact]
    public void Allocate_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("method", () => Apportionment.Allocate(ApportionmentMethod.None, 1, [1]));
        Assert.Throws<ArgumentOutOfRangeException>("method", () => Apportionment.Allocate((ApportionmentMethod)99, 1, [1]));
        Assert.Throws<ArgumentOutOfRangeException>("units", () => Apportionment.Allocate(ApportionmentMethod.Webster, -1, [1]));
        Assert.Throws<ArgumentNullException>("weights", () => Apportionment.Allocate(ApportionmentMethod.Webster, 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>("units", () =>
            Apportionment.Allocate(ApportionmentMethod.Webster, int.MaxValue, [1], new() { Held = [1] }));
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("MinimumPerRegion", () => new ApportionmentOptions { MinimumPerRegion = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("MaximumPerRegion", () => new ApportionmentOptions { MaximumPerRegion = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("TiePolicy", () => new ApportionmentOptions { TiePolicy = ApportionmentTiePolicy.None });
    }

    [Fact]
    public void Options_Default_ReportsTiesWithoutBounds()
    {
        var options = ApportionmentOptions.Default;

        Assert.Equal(ApportionmentTiePolicy.Report, options.TiePolicy);
        Assert.Equal(0, options.MinimumPerRegion);
        Assert.Null(options.MaximumPerRegion);
        Assert.Null(options.Minimums);
        Assert.Null(options.Maximums);
        Assert.Null(options.Held);
    }
}
