using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

public class CoverageIndexTests
{
    [Fact]
    public void Count_RandomPopulationsAndDates_EqualsResidentCounter() =>
        Gen.Select(PopulationGen.Population(150), Gen.Int[0, 3], Gen.Int[-800, 800].Array[4], Gen.Bool).Sample((sample, levelIndex, shifts, february28) =>
        {
            var (asOf, rows) = sample;
            var level = PopulationGen.Levels[levelIndex];
            var policy = february28 ? new KtpEligibilityPolicy(LeapDayBirthdayRule.February28) : KtpEligibilityPolicy.Default;
            var mapping = february28 ? RecordingStatusMapping.Default.With(KtpElStatus.Unregistered, RecordingCategory.Duplicate) : RecordingStatusMapping.Default;
            var index = new CoverageEngine(policy, mapping).BuildIndex(CoverageEngineTests.Build(rows), level);
            var residents = PopulationGen.ToResidents(rows);

            // The snapshot date, a day either side (birthdays, recordings and deaths on it), and dates months or years away.
            foreach (var date in new[] { asOf, asOf.PlusDays(1), asOf.PlusDays(-1) }.Concat(shifts.Select(s => asOf.PlusDays(s * 7))))
            {
                var interval = new DateInterval(date.PlusDays(-Math.Abs(shifts[0])), date);
                var expected = ResidentCounter.CountByRegion(residents, date, level, policy, mapping, interval);
                CountsAssert.Equal(expected, index.Count(date, interval), $"{date:uuuu-MM-dd} {level}");
            }
        }, iter: 150);

    [Fact]
    public void Count_EveryDayOfAYear_EqualsFullScan()
    {
        var asOf = new LocalDate(2024, 2, 29);
        var rows = PopulationGen.Row(asOf).Array[400].Single();
        var table = CoverageEngineTests.Build(rows);
        var engine = new CoverageEngine();
        var index = engine.BuildIndex(table, RegionLevel.Regency);
        Assert.Equal(RegionLevel.Regency, index.Level);
        Assert.Equal(400, index.ResidentCount);
        Assert.True(index.Bytes > 0);
        for (var date = asOf.PlusDays(-200); date <= asOf.PlusDays(200); date = date.PlusDays(1))
        {
            var interval = new DateInterval(date.PlusMonths(-1), date);
            CountsAssert.Equal(engine.Count(table, date, RegionLevel.Regency, interval), index.Count(date, interval), date.ToString());
        }
    }

    [Fact]
    public void Count_LargeRegion_EqualsFullScan()
    {
        // 20,000 residents in one district: arrays long enough for the counting sort.
        var asOf = new LocalDate(2025, 8, 17);
        var rows = PopulationGen.Row(asOf).Array[20_000].Single();
        var table = CoverageEngineTests.Build(rows.Select(r => r with { Domicile = PopulationGen.Villages[r.BirthDate.Day % 2] }));
        var engine = new CoverageEngine();
        var index = engine.BuildIndex(table, RegionLevel.District);
        foreach (var date in new[] { asOf, asOf.PlusDays(-1), asOf.PlusMonths(1), asOf.PlusYears(-3), new LocalDate(2004, 2, 29) })
        {
            var interval = new DateInterval(date.PlusMonths(-1), date);
            CountsAssert.Equal(engine.Count(table, date, RegionLevel.District, interval), index.Count(date, interval), date.ToString());
        }
    }

    [Fact]
    public void Count_ManyRegions_EqualsFullScan()
    {
        // 100 villages: queries run region batches in parallel.
        var asOf = new LocalDate(2025, 8, 17);
        var rows = PopulationGen.Row(asOf).Array[5000].Single();
        var table = CoverageEngineTests.Build(rows.Select((r, i) => r with { Domicile = RegionCode.Village(64, 72, 1 + (i % 4), 1001 + (i % 25)) }));
        var engine = new CoverageEngine();
        var index = engine.BuildIndex(table, RegionLevel.Village);
        foreach (var date in new[] { asOf, asOf.PlusMonths(1), asOf.PlusYears(-2) })
        {
            var interval = new DateInterval(date.PlusMonths(-1), date);
            CountsAssert.Equal(engine.Count(table, date, RegionLevel.Village, interval), index.Count(date, interval), date.ToString());
        }
    }

    [Fact]
    public void Count_DatesOutsideStorableRange_EqualsResidentCounter()
    {
        var rows = PopulationGen.Row(new LocalDate(2025, 8, 17)).Array[200].Single();
        var index = new CoverageEngine().BuildIndex(CoverageEngineTests.Build(rows), RegionLevel.Province);
        var residents = PopulationGen.ToResidents(rows);
        foreach (var date in new[] { new LocalDate(1850, 1, 1), new LocalDate(1900, 1, 1), new LocalDate(2079, 6, 4), new LocalDate(2090, 1, 1), new LocalDate(2500, 1, 1) })
        {
            var interval = new DateInterval(date.PlusYears(-1), date);
            CountsAssert.Equal(ResidentCounter.CountByRegion(residents, date, RegionLevel.Province, newlyWajibKtpInterval: interval), index.Count(date, interval), date.ToString());
        }
    }

    [Fact]
    public void BuildIndex_InvalidArguments_Throw()
    {
        var engine = new CoverageEngine();
        Assert.Throws<ArgumentNullException>("table", () => engine.BuildIndex(null!, RegionLevel.Regency));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => engine.BuildIndex(new PopulationTableBuilder().Build(), (RegionLevel)5));
        var index = engine.BuildIndex(new PopulationTableBuilder().Build(), RegionLevel.Regency);
        Assert.Throws<ArgumentException>("asOf", () => index.Count(new LocalDate(2025, 1, 1, CalendarSystem.Julian)));
        Assert.Empty(index.Count(new LocalDate(2025, 1, 1)));
    }
}
