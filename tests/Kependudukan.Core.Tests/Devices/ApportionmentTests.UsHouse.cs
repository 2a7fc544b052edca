using Kependudukan.Devices;

namespace Kependudukan.Tests.Devices;

public partial class ApportionmentTests
{
    // US Census Bureau, 2020 Census Apportionment Results, Table 1 "Apportionment Population and Number of
    // Representatives by State: 2020 Census" (apportionment-2020-table01.xlsx, released 26 April 2021): apportionment
    // population (resident population plus overseas federal employees and their dependents) and seats, alphabetical.
    private static readonly (string State, long Population, int Seats)[] s_census2020 =
    [
        ("Alabama", 5_030_053, 7), ("Alaska", 736_081, 1), ("Arizona", 7_158_923, 9), ("Arkansas", 3_013_756, 4),
        ("California", 39_576_757, 52), ("Colorado", 5_782_171, 8), ("Connecticut", 3_608_298, 5), ("Delaware", 990_837, 1),
        ("Florida", 21_570_527, 28), ("Georgia", 10_725_274, 14), ("Hawaii", 1_460_137, 2), ("Idaho", 1_841_377, 2),
        ("Illinois", 12_822_739, 17), ("Indiana", 6_790_280, 9), ("Iowa", 3_192_406, 4), ("Kansas", 2_940_865, 4),
        ("Kentucky", 4_509_342, 6), ("Louisiana", 4_661_468, 6), ("Maine", 1_363_582, 2), ("Maryland", 6_185_278, 8),
        ("Massachusetts", 7_033_469, 9), ("Michigan", 10_084_442, 13), ("Minnesota", 5_709_752, 8), ("Mississippi", 2_963_914, 4),
        ("Missouri", 6_160_281, 8), ("Montana", 1_085_407, 2), ("Nebraska", 1_963_333, 3), ("Nevada", 3_108_462, 4),
        ("New Hampshire", 1_379_089, 2), ("New Jersey", 9_294_493, 12), ("New Mexico", 2_120_220, 3), ("New York", 20_215_751, 26),
        ("North Carolina", 10_453_948, 14), ("North Dakota", 779_702, 1), ("Ohio", 11_808_848, 15), ("Oklahoma", 3_963_516, 5),
        ("Oregon", 4_241_500, 6), ("Pennsylvania", 13_011_844, 17), ("Rhode Island", 1_098_163, 2), ("South Carolina", 5_124_712, 7),
        ("South Dakota", 887_770, 1), ("Tennessee", 6_916_897, 9), ("Texas", 29_183_290, 38), ("Utah", 3_275_252, 4),
        ("Vermont", 643_503, 1), ("Virginia", 8_654_542, 11), ("Washington", 7_715_946, 10), ("West Virginia", 1_795_045, 2),
        ("Wisconsin", 5_897_473, 8), ("Wyoming", 577_719, 1),
    ];

    private static long[] Census2020Populations => [.. s_census2020.Select(s => s.Population)];

    private static int StateIndex(string state) => Array.FindIndex(s_census2020, s => s.State == state);

    [Fact]
    public void Allocate_HuntingtonHill2020Census_MatchesPublishedHouse()
    {
        // The table's total apportionment population is 331,108,434.
        Assert.Equal(331_108_434, Census2020Populations.Sum());

        var result = Apportionment.Allocate(ApportionmentMethod.HuntingtonHill, 435, Census2020Populations);

        Assert.Equal(s_census2020.Select(s => s.Seats), result.Units);
        Assert.Empty(result.Ties);
    }

    [Fact]
    public void Allocate_HuntingtonHill2020Census_LastSeatWentToMinnesotaAheadOfNewYork()
    {
        // Census Bureau, 26 April 2021: seat 435 went to Minnesota; New York would have kept its 27th seat with 89 more residents.
        var seats434 = Apportionment.Allocate(ApportionmentMethod.HuntingtonHill, 434, Census2020Populations).Units;
        Assert.Equal(7, seats434[StateIndex("Minnesota")]);
        Assert.Equal(26, seats434[StateIndex("New York")]);

        var plus89 = Census2020Populations;
        plus89[StateIndex("New York")] += 89;
        var withMore = Apportionment.Allocate(ApportionmentMethod.HuntingtonHill, 435, plus89).Units;
        Assert.Equal(27, withMore[StateIndex("New York")]);
        Assert.Equal(7, withMore[StateIndex("Minnesota")]);

        var plus88 = Census2020Populations;
        plus88[StateIndex("New York")] += 88;
        Assert.Equal(26, Apportionment.Allocate(ApportionmentMethod.HuntingtonHill, 435, plus88).Units[StateIndex("New York")]);
    }

    [Fact]
    public void Allocate_HamiltonAlabamaParadox_RegionLosesUnitWhenTotalGrows()
    {
        // Weights 6, 6, 2 by hand. 10 units: quotas 4.29, 4.29, 1.43 -> 4, 4, 1 and the last unit to the largest
        // remainder (0.43) -> 4, 4, 2. 11 units: quotas 4.71, 4.71, 1.57 -> 4, 4, 1 and two units to 0.71, 0.71 -> 5, 5, 1.
        long[] weights = [6, 6, 2];

        Assert.Equal([4, 4, 2], Apportionment.Allocate(ApportionmentMethod.Hamilton, 10, weights).Units);
        Assert.Equal([5, 5, 1], Apportionment.Allocate(ApportionmentMethod.Hamilton, 11, weights).Units);
    }
}
