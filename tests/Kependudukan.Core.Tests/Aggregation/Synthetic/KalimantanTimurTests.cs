using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class KalimantanTimurTests
{
    private static readonly LocalDate ReportDate = new(2015, 12, 31);

    /// <summary>The full 3.4 million residents take several seconds: run with <c>--explicit only</c>.</summary>
    [Fact(Explicit = true)]
    public void KalimantanTimur_FullSize_HitsReportTotalsAndCertificateTargets() =>
        AssertGenerated(divisor: 1, population: 3_369_666, wajibKtp: 2_197_959, recorded: 1_916_099);

    [Fact]
    public void KalimantanTimur_ScaledDown_HitsTotalsAndCertificateTargets() =>
        AssertGenerated(divisor: 100, population: 33_697, wajibKtp: 21_980, recorded: 19_161);

    [Fact]
    public void KalimantanTimur_Targets_SumToReportTotalsAndMeetOnlyTwoCertificateTargets()
    {
        var targets = SyntheticPopulationOptions.KalimantanTimur(ReportDate, seed: 1).Calibration!;
        Assert.Equal(3_369_666, targets.Sum(t => t.Population));
        Assert.Equal(2_197_959, targets.Sum(t => t.WajibKtp));
        Assert.Equal(1_916_099, targets.Sum(t => t.Recorded));
        string[] regencies = ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"];
        Assert.Equal(regencies, targets.Select(t => t.Region.ToString()));
        Assert.All(targets, t => Assert.InRange((double)t.Children / t.Population, 0.30, 0.42));
        var meeting = targets.Where(t => t.ChildrenWithBirthCertificate * 100 >= 75 * t.Children).Select(t => t.Region);
        Assert.Equal([RegionCode.Regency(64, 9), RegionCode.Regency(64, 74)], meeting);

        // Recording coverage 1,916,099 / 2,197,959 = 87.176…%, which the report truncated to 87,17.
        Assert.Equal(8717, 1_916_099L * 10_000 / 2_197_959);
    }

    [Fact]
    public void KalimantanTimur_SyntheticVillages_DesaInKabupatenKelurahanInKota()
    {
        var villages = SyntheticPopulationOptions.KalimantanTimur(ReportDate, seed: 1).Villages;
        Assert.Equal(150, villages.Count);
        Assert.Contains(RegionCode.Village(64, 2, 3, 2005), villages);
        Assert.Contains(RegionCode.Village(64, 72, 1, 1001), villages);
        Assert.All(villages, v => Assert.Equal(v.IsCity ? 1 : 2, v.VillageNumber / 1000));
    }

    /// <summary>Generates the province with its totals divided by <paramref name="divisor"/> and checks them with the reference counter.</summary>
    /// <remarks>Province totals from the Kalimantan Timur KTP-el report: 3,369,666 residents, 2,197,959 wajib KTP, 1,916,099 recorded.
    /// Divided by 100 and rounded they are 33,697, 21,980 and 19,161.</remarks>
    private static void AssertGenerated(int divisor, long population, long wajibKtp, long recorded)
    {
        var options = SyntheticPopulationOptions.KalimantanTimur(ReportDate, seed: 64, catalog: null, divisor);
        var counts = ResidentCounter.CountByRegion(SyntheticPopulation.GenerateResidents(options), options.AsOf, RegionLevel.Regency);
        var province = counts.Values.Aggregate((a, b) => a + b);
        Assert.Equal(population, province.Population);
        Assert.Equal(wajibKtp, province.WajibKtp);
        Assert.Equal(recorded, province.Recorded);
        SyntheticPopulationCalibrationTests.AssertHits(options.Calibration!, counts);

        // Birth-certificate coverage of children 0 to under 18 reaches the 75% target only in Penajam Paser Utara and Bontang.
        Assert.Equal(10, counts.Count);
        var meeting = counts.Where(c => c.Value.ChildrenWithBirthCertificate * 100 >= 75 * c.Value.Children).Select(c => c.Key).Order();
        Assert.Equal([RegionCode.Regency(64, 9), RegionCode.Regency(64, 74)], meeting);
    }

    [Fact]
    public void KalimantanTimur_Catalog_UsesItsVillages()
    {
        var entries = new List<RegionEntry> { new(RegionCode.Province(64), "Kalimantan Timur") };
        foreach (var regency in new[] { 1, 2, 3, 7, 8, 9, 11, 71, 72, 74 })
        {
            entries.Add(new(RegionCode.Regency(64, regency), "Regency " + regency));
            entries.Add(new(RegionCode.District(64, regency, 10), "District"));
            entries.Add(new(RegionCode.Village(64, regency, 10, 2007), "Village A"));
            entries.Add(new(RegionCode.Village(64, regency, 10, 2008), "Village B"));
        }

        var options = SyntheticPopulationOptions.KalimantanTimur(ReportDate, seed: 1, new RegionCatalog(entries));
        Assert.Equal(20, options.Villages.Count);
        Assert.All(options.Villages, v => Assert.Equal(10, v.DistrictNumber));
        options.Validate();

        entries.RemoveAll(e => e.Code.Level == RegionLevel.Village && e.Code.RegencyNumber == 11);
        Assert.Throws<ArgumentException>("catalog", () => SyntheticPopulationOptions.KalimantanTimur(ReportDate, seed: 1, new RegionCatalog(entries)));
    }
}
