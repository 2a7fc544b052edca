using System.Globalization;
using CsCheck;
using Kependudukan.Coverage;

namespace Kependudukan.Tests.Coverage;

public class CoverageRatioTests
{
    private static readonly CultureInfo s_indonesian = CultureInfo.GetCultureInfo("id-ID");

    // Published figures (DOMAIN rule 5): Kaltim recording 1,916,099 / 2,197,959 = 87.176…%; national akta Aug 2020 and 2017 S1.
    [Theory]
    [InlineData(1_916_099, 2_197_959, PercentRounding.HalfAwayFromZero, "87.18")]
    [InlineData(1_916_099, 2_197_959, PercentRounding.Truncate, "87.17")]
    [InlineData(74_244_858, 79_964_264, PercentRounding.HalfAwayFromZero, "92.85")]
    [InlineData(74_244_858, 79_964_264, PercentRounding.Truncate, "92.84")]
    [InlineData(63_250_516, 80_281_466, PercentRounding.HalfAwayFromZero, "78.79")]
    [InlineData(63_250_516, 80_281_466, PercentRounding.Truncate, "78.78")]
    public void Percent_PublishedFigures_Reproduced(long numerator, long denominator, PercentRounding rounding, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), new CoverageRatio(numerator, denominator).Percent(2, rounding));

    [Fact]
    public void Percent_FourDecimals_MatchesNationalRelease() =>
        Assert.Equal(92.8475m, new CoverageRatio(74_244_858, 79_964_264).Percent(4));

    [Theory]
    [InlineData(1, 8, 0, "13", "12")] // 12.5: banker's rounding would give 12
    [InlineData(5, 8, 0, "63", "62")] // 62.5: banker's rounding would give 62
    [InlineData(13, 20_000, 2, "0.07", "0.06")] // 0.065: banker's rounding would give 0.06
    [InlineData(2, 3, 3, "66.667", "66.666")]
    public void Percent_Halves_RoundAwayFromZero(long numerator, long denominator, int decimals, string halfAway, string truncated)
    {
        var ratio = new CoverageRatio(numerator, denominator);
        Assert.Equal(decimal.Parse(halfAway, CultureInfo.InvariantCulture), ratio.Percent(decimals, PercentRounding.HalfAwayFromZero));
        Assert.Equal(decimal.Parse(truncated, CultureInfo.InvariantCulture), ratio.Percent(decimals, PercentRounding.Truncate));
    }

    [Fact]
    public void Percent_ZeroDenominator_HasNoValue()
    {
        Assert.Null(new CoverageRatio(0, 0).Percent());
        Assert.Null(new CoverageRatio(5, 0).Percent());
        Assert.False(new CoverageRatio(5, 0).HasValue);
        Assert.Null(default(CoverageRatio).Percent());
        Assert.Equal(new CoverageRatio(0, 0), default);
    }

    [Fact]
    public void Percent_AboveOneHundred_IsNotCapped()
    {
        Assert.Equal(105m, new CoverageRatio(105, 100).Percent());
        Assert.Equal(300m, new CoverageRatio(3, 1).Percent(0));
    }

    [Fact]
    public void Percent_KeepsRequestedDecimals() =>
        Assert.Equal("50.00", new CoverageRatio(1, 2).Percent()!.Value.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Percent_LargestCounts_DoNotOverflow()
    {
        Assert.Equal(100m, new CoverageRatio(long.MaxValue, long.MaxValue).Percent(10));
        Assert.Equal(50m, new CoverageRatio(long.MaxValue / 2, long.MaxValue - 1).Percent(0));
    }

    [Fact]
    public void Percent_InvalidArguments_Throw()
    {
        var ratio = new CoverageRatio(1, 2);
        Assert.Throws<ArgumentOutOfRangeException>("decimals", () => ratio.Percent(-1));
        Assert.Throws<ArgumentOutOfRangeException>("decimals", () => ratio.Percent(CoverageRatio.MaxDecimals + 1));
        Assert.Throws<ArgumentOutOfRangeException>("rounding", () => ratio.Percent(2, PercentRounding.None));
        Assert.Throws<ArgumentOutOfRangeException>("rounding", () => ratio.Percent(2, (PercentRounding)3));
    }

    [Fact]
    public void Constructor_NegativeCounts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("numerator", () => new CoverageRatio(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>("denominator", () => new CoverageRatio(1, -2));
    }

    [Fact]
    public void Percent_RandomRatios_AgreeWithDecimalReference() =>
        Gen.Select(Gen.Long[0, 2_000_000], Gen.Long[1, 2_000_000], Gen.Int[0, 6]).Sample((numerator, denominator, decimals) =>
        {
            // Reference: with counts this small, numerator × 100 × 10^d and the candidates × denominator are exact in decimal.
            var scale = (decimal)Math.Pow(10, decimals);
            var scaled = numerator * 100m * scale;
            var truncated = decimal.Floor(scaled / denominator);
            while (truncated * denominator > scaled)
            {
                truncated--;
            }

            while ((truncated + 1) * denominator <= scaled)
            {
                truncated++;
            }

            var remainder = scaled - (truncated * denominator);
            var halfAway = 2 * remainder >= denominator ? truncated + 1 : truncated;
            var ratio = new CoverageRatio(numerator, denominator);
            return ratio.Percent(decimals, PercentRounding.Truncate) == truncated / scale
                && ratio.Percent(decimals, PercentRounding.HalfAwayFromZero) == halfAway / scale;
        });

    [Fact]
    public void ToString_IndonesianCulture_UsesDecimalComma()
    {
        var kaltim = new CoverageRatio(1_916_099, 2_197_959);
        Assert.Equal("87,18", kaltim.ToString("P2", s_indonesian));
        Assert.Equal("87,17", kaltim.ToString("T2", s_indonesian));
        Assert.Equal("87,18", kaltim.ToString(null, s_indonesian));
        Assert.Equal("87.18", kaltim.ToString("G", CultureInfo.InvariantCulture));
        Assert.Equal("87.1763", kaltim.ToString("p4", CultureInfo.InvariantCulture));
        Assert.Equal("87", kaltim.ToString("T0", CultureInfo.InvariantCulture));
        Assert.Equal("1916099/2197959", kaltim.ToString("F", s_indonesian));
        Assert.Equal("1234,50", new CoverageRatio(12_345, 1_000).ToString("P2", s_indonesian));
    }

    [Fact]
    public void ToString_NoValue_WritesDash()
    {
        Assert.Equal("-", default(CoverageRatio).ToString("P2", s_indonesian));
        Assert.Equal("0/0", default(CoverageRatio).ToString("F", s_indonesian));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("P11")]
    [InlineData("P-1")]
    [InlineData("F2")]
    [InlineData("Pa")]
    public void ToString_UnknownFormat_Throws(string format) =>
        Assert.Throws<FormatException>(() => new CoverageRatio(1, 2).ToString(format, CultureInfo.InvariantCulture));

    [Fact]
    public void Add_IsRatioOfSums()
    {
        var samarinda = new CoverageRatio(3, 4);
        var bontang = new CoverageRatio(1, 6);
        Assert.Equal(new CoverageRatio(4, 10), samarinda + bontang);
        Assert.Equal(new CoverageRatio(4, 10), CoverageRatio.Add(samarinda, bontang));
        Assert.Equal(new CoverageRatio(4, 10), CoverageRatio.Sum([samarinda, bontang, default]));
        Assert.Equal(default, CoverageRatio.Sum([]));
        Assert.Throws<OverflowException>(() => new CoverageRatio(long.MaxValue, long.MaxValue) + new CoverageRatio(1, 1));
    }

    [Fact]
    public void UnweightedMeanPercent_DiffersFromRatioOfSums()
    {
        CoverageRatio[] regions = [new(1, 1), new(0, 99)];
        Assert.Equal(50m, CoverageRatio.UnweightedMeanPercent(regions));
        Assert.Equal(1m, CoverageRatio.Sum(regions).Percent());
    }

    [Fact]
    public void UnweightedMeanPercent_IsExactAndSkipsRatiosWithoutValue()
    {
        Assert.Equal(50m, CoverageRatio.UnweightedMeanPercent([new(1, 3), new(2, 3)]));
        Assert.Equal(33.33m, CoverageRatio.UnweightedMeanPercent([new(1, 3), new(1, 3), default]));
        // (1/3 + 1/3 + 1 + 0) / 4 = 5/12 = 41.666…%
        Assert.Equal(41.67m, CoverageRatio.UnweightedMeanPercent([new(1, 3), new(2, 6), new(1, 1), new(0, 5)]));
        Assert.Equal(41.66m, CoverageRatio.UnweightedMeanPercent([new(1, 3), new(2, 6), new(1, 1), new(0, 5)], 2, PercentRounding.Truncate));
        Assert.Null(CoverageRatio.UnweightedMeanPercent([default, new(3, 0)]));
        Assert.Null(CoverageRatio.UnweightedMeanPercent([]));
    }

    [Fact]
    public void Equality_IsByExactPair_ComparisonByValue()
    {
        var half = new CoverageRatio(1, 2);
        var twoQuarters = new CoverageRatio(2, 4);
        Assert.NotEqual(half, twoQuarters);
        Assert.False(half == twoQuarters);
        Assert.True(half != twoQuarters);
        Assert.Equal(0, half.CompareTo(twoQuarters));
        Assert.True(half.HasSameValue(twoQuarters));
        Assert.True(half <= twoQuarters && half >= twoQuarters);
        Assert.False(half < twoQuarters || half > twoQuarters);
        Assert.Equal(half, new CoverageRatio(1, 2));
        Assert.Equal(half.GetHashCode(), new CoverageRatio(1, 2).GetHashCode());
        Assert.True(half.Equals((object)new CoverageRatio(1, 2)));
        Assert.False(half.Equals((object)"1/2"));
    }

    [Fact]
    public void CompareTo_OrdersByExactValue()
    {
        Assert.True(new CoverageRatio(1, 3) < new CoverageRatio(1, 2));
        Assert.True(new CoverageRatio(105, 100) > new CoverageRatio(1, 1));
        Assert.True(default(CoverageRatio) < new CoverageRatio(0, 5));
        Assert.Equal(0, default(CoverageRatio).CompareTo(new CoverageRatio(7, 0)));

        // 1 − 1/M against 1 − 1/(M − 1): cross products overflow 64 bits.
        const long M = long.MaxValue;
        Assert.True(new CoverageRatio(M - 1, M) > new CoverageRatio(M - 2, M - 1));
        IComparable comparable = new CoverageRatio(1, 2);
        Assert.Equal(1, comparable.CompareTo(null));
        Assert.Throws<ArgumentException>("obj", () => comparable.CompareTo(0.5));
    }
}
