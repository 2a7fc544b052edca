using Kependudukan.Coverage;

namespace Kependudukan.Tests.Coverage;

public class CoverageTargetTests
{
    private static readonly CoverageRatio s_akta2017 = new(63_250_516, 80_281_466); // 78.786%
    private static readonly CoverageRatio s_kaltimRecording = new(1_916_099, 2_197_959); // 87.176%

    private static CoverageTarget Target(decimal threshold, int year = 2017) => new(CoverageIndicator.BirthCertificateCoverage, threshold, year);

    [Fact]
    public void Rpjmn2015To2019BirthCertificate_HasTheFiveYearlyTargets()
    {
        var targets = CoverageTargets.Rpjmn2015To2019BirthCertificate;
        Assert.Equal([75m, 77.5m, 80m, 82.5m, 85m], targets.Select(t => t.ThresholdPercent));
        Assert.Equal([2015, 2016, 2017, 2018, 2019], targets.Select(t => t.Year));
        Assert.All(targets, t => Assert.Same(CoverageIndicator.BirthCertificateCoverage, t.Indicator));
        Assert.All(targets, t => Assert.Equal("RPJMN 2015-2019", t.Source));
        Assert.Equal("birth_certificate_coverage >= 77.5% in 2016 (RPJMN 2015-2019)", targets[1].ToString());
    }

    [Fact]
    public void Assess_National2017AgainstRpjmn2017_NotMet()
    {
        // 80% of 80,281,466 = 64,225,172.8, so 64,225,173 certificates are needed: 974,657 more than 63,250,516.
        var attainment = CoverageTargets.Rpjmn2015To2019BirthCertificate[2].Assess(s_akta2017);
        Assert.False(attainment.IsMet);
        Assert.Equal(974_657, attainment.AdditionalResidentsNeeded);
        Assert.Equal(1.21m, attainment.GapPercentagePoints); // 80 − 78.78595… = 1.21404…
        Assert.Equal(1.2140m, attainment.GetGapPercentagePoints(4, PercentRounding.Truncate));
        Assert.True(Target(80).Assess(new CoverageRatio(63_250_516 + 974_657, 80_281_466)).IsMet);
        Assert.False(Target(80).Assess(new CoverageRatio(63_250_516 + 974_656, 80_281_466)).IsMet);
    }

    [Fact]
    public void Assess_National2017AgainstRpjmn2016_Met()
    {
        var attainment = CoverageTargets.Rpjmn2015To2019BirthCertificate[1].Assess(s_akta2017);
        Assert.True(attainment.IsMet);
        Assert.Equal(0, attainment.AdditionalResidentsNeeded);
        Assert.Equal(-1.29m, attainment.GapPercentagePoints); // 77.5 − 78.78595… = −1.28595…
        Assert.Equal(-1.28m, attainment.GetGapPercentagePoints(2, PercentRounding.Truncate));
    }

    [Fact]
    public void Assess_KaltimRecording_AgainstHandComputedTargets()
    {
        var recording85 = new CoverageTarget(CoverageIndicator.RecordingCoverage, 85m, 2014);
        var met = recording85.Assess(s_kaltimRecording);
        Assert.True(met.IsMet);
        Assert.Equal(-2.18m, met.GapPercentagePoints);

        // 90% of 2,197,959 = 1,978,163.1 → 1,978,164 recorded needed, 62,065 more.
        var short90 = new CoverageTarget(CoverageIndicator.RecordingCoverage, 90m, 2014).Assess(s_kaltimRecording);
        Assert.False(short90.IsMet);
        Assert.Equal(62_065, short90.AdditionalResidentsNeeded);
        Assert.Equal(2.82m, short90.GapPercentagePoints);
    }

    [Theory]
    [InlineData(3, 4, "75", true, 0)]
    [InlineData(74_999, 100_000, "75", false, 1)]
    [InlineData(31, 40, "77.5", true, 0)] // exactly 77.5%
    [InlineData(30, 40, "77.5", false, 1)]
    [InlineData(774_999_999_999_999, 1_000_000_000_000_000, "77.5", false, 1)] // 77.4999999999999900%
    [InlineData(105, 100, "85", true, 0)]
    [InlineData(0, 7, "0", true, 0)]
    [InlineData(6, 7, "100", false, 1)]
    public void Assess_ExactBoundaries(long numerator, long denominator, string threshold, bool met, long needed)
    {
        var attainment = Target(decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)).Assess(new CoverageRatio(numerator, denominator));
        Assert.Equal(met, attainment.IsMet);
        Assert.Equal(needed, attainment.AdditionalResidentsNeeded);
    }

    [Fact]
    public void Assess_AboveOneHundredPercent_GapIsSurplus() =>
        Assert.Equal(-20m, Target(85).Assess(new CoverageRatio(105, 100)).GapPercentagePoints);

    [Fact]
    public void Assess_ZeroDenominator_CannotMeet()
    {
        var attainment = Target(75).Assess(new CoverageRatio(0, 0));
        Assert.False(attainment.IsMet);
        Assert.Null(attainment.AdditionalResidentsNeeded);
        Assert.Null(attainment.GapPercentagePoints);
    }

    [Fact]
    public void Assess_Counts_UsesTheTargetIndicator()
    {
        var counts = new CoverageCounts { Children = 200, ChildrenWithBirthCertificate = 151, WajibKtp = 10 };
        var attainment = Target(75).Assess(counts);
        Assert.True(attainment.IsMet);
        Assert.Equal(new CoverageRatio(151, 200), attainment.Ratio);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("indicator", () => new CoverageTarget(null!, 75m, 2015));
        var count = Assert.Throws<ArgumentException>("indicator", () => new CoverageTarget(CoverageIndicator.WajibKtp, 75m, 2015));
        Assert.StartsWith("A target needs a ratio indicator; wajib_ktp is a count.", count.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("thresholdPercent", () => Target(-0.1m));
        Assert.Throws<ArgumentOutOfRangeException>("thresholdPercent", () => Target(100.01m));
        Assert.Throws<ArgumentOutOfRangeException>("year", () => Target(75m, 0));
        Assert.Throws<ArgumentOutOfRangeException>("decimals", () => Target(75m).Assess(s_akta2017).GetGapPercentagePoints(11));
    }

    [Fact]
    public void Equality_ComparesThresholdValues()
    {
        Assert.Equal(Target(75m), Target(75.0m));
        Assert.Equal(Target(75m).GetHashCode(), Target(75.00m).GetHashCode());
        Assert.NotEqual(Target(75m), Target(75m, 2016));
        Assert.NotEqual(Target(75m), new CoverageTarget(CoverageIndicator.KiaCoverage, 75m, 2017));
    }
}
