using System.Globalization;
using CsCheck;
using Kependudukan.Coverage;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Coverage.CoverageTestData;

namespace Kependudukan.Tests.Coverage;

public class CoverageReportTests
{
    /// <summary>Illustrative regency counts for Kalimantan Timur: the province totals are the published 2,197,959 wajib KTP and
    /// 1,916,099 recorded; the birth-certificate figures are made up so that, as in the story, only PPU and Bontang pass 75%.</summary>
    internal static Dictionary<RegionCode, CoverageCounts> KaltimRegencies() => new()
    {
        [RegionCode.Regency(64, 1)] = Counts(190_000, 160_000, 95_000, 60_000),
        [RegionCode.Regency(64, 2)] = Counts(520_000, 450_000, 250_000, 170_000),
        [RegionCode.Regency(64, 3)] = Counts(150_000, 130_000, 75_000, 52_000),
        [RegionCode.Regency(64, 7)] = Counts(110_000, 95_000, 55_000, 36_000),
        [RegionCode.Regency(64, 8)] = Counts(230_000, 190_000, 120_000, 80_000),
        [Ppu] = Counts(105_000, 95_000, 55_000, 42_000),
        [RegionCode.Regency(64, 11)] = Counts(20_000, 15_000, 10_000, 5_000),
        [RegionCode.Regency(64, 71)] = Counts(420_000, 380_000, 200_000, 149_000),
        [Samarinda] = Counts(330_000, 300_000, 170_000, 125_000),
        [Bontang] = Counts(122_959, 101_099, 60_000, 48_000),
    };

    private static CoverageCounts Counts(long wajibKtp, long recorded, long children, long withCertificate) => new()
    {
        Population = wajibKtp + children,
        WajibKtp = wajibKtp,
        WajibKtpByAge = wajibKtp,
        Recorded = recorded,
        Children = children,
        ChildrenWithBirthCertificate = withCertificate,
    };

    [Fact]
    public void Create_KaltimRegencies_RollsUpToTheProvinceFigure()
    {
        var report = CoverageReport.Create(KaltimRegencies(), AsOf, RegionLevel.Regency, Catalog);
        var province = report.GetRow(Kaltim);
        Assert.Equal("Kalimantan Timur", province.Name);
        Assert.Equal(new CoverageRatio(1_916_099, 2_197_959), province.RecordingCoverage);
        Assert.Equal("87,17", province.RecordingCoverage.ToString("T2", CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal(281_860, province.NotRecorded);
        Assert.Equal(province.Counts, report.National.Counts);
        Assert.True(report.National.IsNational);
        Assert.Null(report.National.Code);
        Assert.Null(report.National.Name);
        Assert.Equal(RegionLevel.None, report.National.Level);
        Assert.Equal(12, report.Rows.Count);
    }

    [Fact]
    public void RegionsMeeting_Rpjmn2015_PpuAndBontangPass()
    {
        var report = CoverageReport.Create(KaltimRegencies(), AsOf, RegionLevel.Regency, Catalog);
        var passed = report.RegionsMeeting(CoverageTargets.Rpjmn2015To2019BirthCertificate[0], RegionLevel.Regency);
        Assert.Equal(["Kabupaten Penajam Paser Utara", "Kota Bontang"], passed.Select(r => r.Name));
        Assert.Empty(report.RegionsMeeting(CoverageTargets.Rpjmn2015To2019BirthCertificate[0], RegionLevel.Province));
        Assert.Equal([Bontang], report.RegionsMeeting(CoverageTargets.Rpjmn2015To2019BirthCertificate[2], RegionLevel.Regency).Select(r => r.Code!.Value));
    }

    [Fact]
    public void Rank_BirthCertificateCoverage_HighestFirst()
    {
        var report = CoverageReport.Create(KaltimRegencies(), AsOf, RegionLevel.Regency, Catalog);
        var ranking = report.Rank(CoverageIndicator.BirthCertificateCoverage, RegionLevel.Regency);

        // Hand-computed: 80.00, 76.36, 74.50, 73.53, 69.33, 68.00, 66.67, 65.45, 63.16, 50.00.
        Assert.Equal([74, 9, 71, 72, 3, 2, 8, 7, 1, 11], ranking.Select(r => r.Row.Code!.Value.RegencyNumber));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (int?)i), ranking.Select(r => r.Rank));
        var lowest = report.Rank(CoverageIndicator.BirthCertificateCoverage, RegionLevel.Regency, highestFirst: false);
        Assert.Equal(11, lowest[0].Row.Code!.Value.RegencyNumber);
    }

    [Fact]
    public void Rank_Ties_ShareRankAndRegionsWithoutValueComeLast()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts>
        {
            [RegionCode.Regency(64, 1)] = Counts(10, 5, 4, 3), // 75%
            [RegionCode.Regency(64, 2)] = Counts(10, 5, 0, 0), // no children
            [RegionCode.Regency(64, 3)] = Counts(10, 5, 8, 6), // 75%, a tie with 3/4
            [RegionCode.Regency(64, 7)] = Counts(10, 5, 2, 2), // 100%
            [RegionCode.Regency(64, 8)] = Counts(10, 5, 3, 1), // 33%
        };
        var ranking = CoverageReport.Create(counts, AsOf, RegionLevel.Regency).Rank(CoverageIndicator.BirthCertificateCoverage, RegionLevel.Regency);
        Assert.Equal([7, 1, 3, 8, 2], ranking.Select(r => r.Row.Code!.Value.RegencyNumber));
        Assert.Equal([1, 2, 2, 4, null], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_CountIndicatorWithin_RanksByCount()
    {
        var report = CoverageReport.Create(KaltimRegencies(), AsOf, RegionLevel.Regency, Catalog);
        var backlog = report.Rank(CoverageIndicator.NotRecorded, RegionLevel.Regency, within: Kaltim);
        Assert.Equal(2, backlog[0].Row.Code!.Value.RegencyNumber); // 70,000 not recorded
        Assert.Equal(70_000, backlog[0].Row.NotRecorded);
        Assert.Equal(10, backlog.Count);
        Assert.Empty(report.Rank(CoverageIndicator.NotRecorded, RegionLevel.Regency, within: Kaltara));
    }

    [Fact]
    public void Create_ZeroDenominatorAndAboveOneHundredPercent_AreKept()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts>
        {
            [Samarinda] = new() { WajibKtp = 100, Recorded = 105 },
            [Bontang] = new() { WajibKtp = 100, Recorded = 80, Children = 0 },
        };
        var report = CoverageReport.Create(counts, AsOf, RegionLevel.Regency);
        var samarinda = report.GetRow(Samarinda);
        Assert.Equal(105m, samarinda.RecordingCoverage.Percent());
        Assert.Equal(-5, samarinda.NotRecorded);
        Assert.False(report.GetRow(Bontang).BirthCertificateCoverage.HasValue);
        Assert.Null(report.GetRow(Bontang).BirthCertificateCoverage.Percent());
        Assert.Equal(new CoverageRatio(185, 200), report.GetRow(Kaltim).RecordingCoverage);
        Assert.Null(samarinda.Name);
    }

    [Fact]
    public void FromResidents_ChildAges_FollowTheirBirthdays()
    {
        Resident[] residents =
        [
            Resident(RawaMakmur, new LocalDate(2006, 6, 30), 1, birthCertificate: true), // 18 today: not a child
            Resident(RawaMakmur, new LocalDate(2006, 7, 1), 2), // 18 tomorrow: a child, wajib KTP
            Resident(RawaMakmur, new LocalDate(2007, 6, 30), 3, kia: true), // 17 today: not under 17, wajib KTP, pemula
            Resident(RawaMakmur, new LocalDate(2007, 7, 1), 4, kia: true), // 16: under 17, may record early
            Resident(RawaMakmur, new LocalDate(2007, 1, 1), 5, status: KtpElStatus.CardIssued), // 17 on 2024-01-01: pemula
            Resident(RawaMakmur, new LocalDate(2006, 12, 31), 6, status: KtpElStatus.BioCaptured), // 17 on 2023-12-31: not pemula
        ];
        var interval = new DateInterval(new LocalDate(2024, 1, 1), AsOf);
        var row = CoverageReport.FromResidents(residents, AsOf, RegionLevel.Village, Catalog, newlyWajibKtpInterval: interval).GetRow(RawaMakmur);
        Assert.Equal("Rawa Makmur", row.Name);
        Assert.Equal(5, row.Counts.Children);
        Assert.Equal(0, row.Counts.ChildrenWithBirthCertificate);
        Assert.Equal(1, row.Counts.ChildrenUnder17);
        Assert.Equal(new CoverageRatio(1, 1), row.KiaCoverage);
        Assert.Equal(5, row.WajibKtp);
        Assert.Equal(new CoverageRatio(2, 5), row.RecordingCoverage);
        Assert.Equal(new CoverageRatio(1, 2), row.PrintingCoverageOfRecorded);
        Assert.Equal(new CoverageRatio(1, 5), row.PrintingCoverageOfWajibKtp);
        Assert.Equal(1, row.Counts.MayRecordEarly);
        Assert.Equal(2, row.NewlyWajibKtp);
    }

    [Fact]
    public void FromResidents_RollUp_EqualsRecountOfTheUnionOfResidents() =>
        Residents.Sample(residents =>
        {
            var report = CoverageReport.FromResidents(residents, AsOf, RegionLevel.Village, Catalog);
            var regions = residents.SelectMany(r => new[] { RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village }.Select(r.Domicile.ToLevel));
            Assert.Equal(regions.Distinct().Order(), report.Rows.Skip(1).Select(r => r.Code!.Value));
            Assert.Equal(Recount(residents, _ => true), report.National.Counts);
            foreach (var row in report.Rows.Skip(1))
            {
                var code = row.Code!.Value;
                Assert.Equal(Recount(residents, r => r.Domicile.IsWithin(code)), row.Counts);
            }

            // The same residents counted straight at regency level give the same regency report.
            var regencies = CoverageReport.FromResidents(residents, AsOf, RegionLevel.Regency, Catalog);
            var villageCounts = ResidentCounter.CountByRegion(residents, AsOf, RegionLevel.Village);
            Assert.Equal(regencies, CoverageReport.Create(villageCounts, AsOf, RegionLevel.Regency, Catalog));
            Assert.Equal(regencies.GetRows(RegionLevel.Regency), report.GetRows(RegionLevel.Regency));
        }, iter: 60);

    [Fact]
    public void Rows_NationFirstThenEachRegionBeforeItsSubRegions()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts>
        {
            [RegionCode.Village(65, 1, 1, 1001)] = new() { Population = 1 },
            [RegionCode.Village(64, 74, 1, 1002)] = new() { Population = 2 },
            [RawaMakmur] = new() { Population = 4 },
        };
        var report = CoverageReport.Create(counts, AsOf, RegionLevel.District, Catalog);
        Assert.Equal(
            ["National", "64 Kalimantan Timur", "64.72 Kota Samarinda", "64.72.01 Palaran", "64.74 Kota Bontang", "64.74.01 Bontang Utara",
             "65 Kalimantan Utara", "65.01 Kabupaten Bulungan", "65.01.01 Tanjung Palas"],
            report.Rows.Select(r => r.ToString()));
        Assert.Equal(RegionLevel.District, report.Level);
        Assert.Equal(6, report.GetRow(Kaltim).Counts.Population);
        Assert.Equal([Samarinda, Bontang], report.GetRows(RegionLevel.Regency, Kaltim).Select(r => r.Code!.Value));
        Assert.Equal(Samarinda, report.GetRow(Palaran).ParentCode);
        Assert.Null(report.GetRow(Kaltim).ParentCode);
        Assert.False(report.TryGetRow(RawaMakmur, out _));
        Assert.Throws<KeyNotFoundException>(() => report.GetRow(RawaMakmur));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => report.GetRows(RegionLevel.Village));
        Assert.Equal("Coverage report as of 2024-06-30 down to District level, 8 regions", report.ToString());
    }

    [Fact]
    public void Create_InvalidCounts_Throw()
    {
        var mixed = new Dictionary<RegionCode, CoverageCounts> { [Samarinda] = default, [RawaMakmur] = default };
        var error = Assert.Throws<ArgumentException>("counts", () => CoverageReport.Create(mixed, AsOf, RegionLevel.Regency));
        Assert.StartsWith("Every key of the counts must be at the same level; found", error.Message, StringComparison.Ordinal);

        var coarse = new Dictionary<RegionCode, CoverageCounts> { [Samarinda] = default };
        error = Assert.Throws<ArgumentException>("counts", () => CoverageReport.Create(coarse, AsOf, RegionLevel.Village));
        Assert.StartsWith("Counts at Regency level cannot make a report down to Village level; count at Village level or below.", error.Message, StringComparison.Ordinal);

        var negative = new Dictionary<RegionCode, CoverageCounts> { [Samarinda] = new() { Children = -1 } };
        error = Assert.Throws<ArgumentException>("counts", () => CoverageReport.Create(negative, AsOf, RegionLevel.Regency));
        Assert.StartsWith("Count children of region 64.72 is negative (-1); counts must be 0 or more.", error.Message, StringComparison.Ordinal);

        var defaultCode = new Dictionary<RegionCode, CoverageCounts> { [default] = default };
        Assert.Throws<ArgumentException>("counts", () => CoverageReport.Create(defaultCode, AsOf, RegionLevel.Regency));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => CoverageReport.Create(coarse, AsOf, RegionLevel.None));
        Assert.Throws<ArgumentNullException>("counts", () => CoverageReport.Create(null!, AsOf, RegionLevel.Regency));
        Assert.Throws<ArgumentNullException>("residents", () => CoverageReport.FromResidents(null!, AsOf, RegionLevel.Regency));
    }

    [Fact]
    public void Create_NoCounts_GivesAnEmptyNationalRow()
    {
        var report = CoverageReport.Create(new Dictionary<RegionCode, CoverageCounts>(), AsOf, RegionLevel.Province);
        Assert.Single(report.Rows);
        Assert.Equal(default, report.National.Counts);
        Assert.False(report.National.RecordingCoverage.HasValue);
    }

    [Fact]
    public void Row_SuppressionView_MarksSmallCells()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts> { [RawaMakmur] = new() { Population = 40, WajibKtp = 30, WajibKtpByAge = 30, Recorded = 27, Children = 10, ChildrenWithBirthCertificate = 9 } };
        var row = CoverageReport.Create(counts, AsOf, RegionLevel.Village).GetRow(RawaMakmur);
        var k5 = new SuppressionOptions(5);
        Assert.True(row.IsSuppressed(CoverageIndicator.NotRecorded, k5)); // 3
        Assert.False(row.IsSuppressed(CoverageIndicator.RecordingCoverage, k5)); // 27 / 30
        Assert.False(row.IsSuppressed(CoverageIndicator.BirthCertificateCoverage, k5)); // 9 / 10
        Assert.True(row.IsSuppressed(CoverageIndicator.BirthCertificateCoverage, new SuppressionOptions(10))); // 9 < 10
        Assert.True(row.IsSuppressed(CoverageIndicator.KiaCoverage, k5)); // 0 / 0
        Assert.Equal(
            ["wajib_ktp_by_marriage", "not_recorded", "print_ready", "printed", "recording_failed", "duplicates", "children_under_17", "children_under_17_with_kia",
             "may_record_early", "newly_wajib_ktp", "printing_coverage_of_recorded", "printing_coverage_of_wajib_ktp", "kia_coverage"],
            row.GetSuppressedCells(k5));
        Assert.Empty(row.GetSuppressedCells(SuppressionOptions.None));
        Assert.Throws<ArgumentOutOfRangeException>("Threshold", () => new SuppressionOptions(-1));
    }

    private static CoverageCounts Recount(IEnumerable<Resident> residents, Func<Resident, bool> within) =>
        residents.Where(within).Aggregate(default(CoverageCounts), (sum, resident) => sum + ResidentCounter.Count(resident, AsOf));
}
