using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Coverage;
using Kependudukan.Regions;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class SyntheticPopulationCalibrationTests
{
    private static readonly RegionCode Regency1 = RegionCode.Regency(32, 1);
    private static readonly RegionCode Regency73 = RegionCode.Regency(32, 73);

    /// <summary>Options with one target per regency of <paramref name="villages"/>, sharing <paramref name="population"/> 60:40.</summary>
    internal static SyntheticPopulationOptions Calibrated(RegionCode[] villages, long population) => new()
    {
        AsOf = SyntheticPopulationTests.AsOf,
        Seed = 3,
        Villages = villages,
        Calibration =
        [
            Target(Regency1, population * 6 / 10, wajibShare: 0.65, recordedShare: 0.87, childShare: 0.33, certificateShare: 0.74),
            Target(Regency73, population * 4 / 10, wajibShare: 0.75, recordedShare: 0.97, childShare: 0.20, certificateShare: 0.95),
        ],
    };

    [Fact]
    public void GenerateResidents_Calibrated_HitsEveryTargetExactly()
    {
        var options = Calibrated(SyntheticPopulationTests.Villages(3), 30_000);
        var counts = ResidentCounter.CountByRegion(SyntheticPopulation.GenerateResidents(options), options.AsOf, RegionLevel.Regency);
        AssertHits(options.Calibration!, counts);
    }

    [Fact]
    public void Generate_Calibrated_TableRowsHitEveryTargetExactly()
    {
        var options = Calibrated(SyntheticPopulationTests.Villages(3), 30_000) with { MaxDegreeOfParallelism = 2 };
        var builder = new PopulationTableBuilder();
        SyntheticPopulation.Generate(options, builder, cancellationToken: TestContext.Current.CancellationToken);
        var table = builder.Build();
        var residents = Enumerable.Range(0, table.Count).Select(i => table.GetRow(i).ToResident());
        AssertHits(options.Calibration!, ResidentCounter.CountByRegion(residents, options.AsOf, RegionLevel.Regency));
    }

    [Fact]
    public void GenerateResidents_RandomTargets_HitExactly()
    {
        // Any combination with 0 ≤ recorded ≤ wajib ≤ population and 0 ≤ certificates ≤ children ≤ population, including extremes.
        var target =
            from population in Gen.Int[0, 2_000]
            from wajib in Gen.Int[0, population]
            from recorded in Gen.Int[0, wajib]
            from children in Gen.Int[0, population]
            from certificates in Gen.Int[0, children]
            select (population, wajib, recorded, children, certificates);
        Gen.Select(target, target, Gen.Long).Sample((a, b, seed) =>
        {
            var options = new SyntheticPopulationOptions
            {
                AsOf = SyntheticPopulationTests.AsOf,
                Seed = seed,
                Villages = SyntheticPopulationTests.Villages(2),
                Calibration =
                [
                    new() { Region = Regency1, Population = a.population, WajibKtp = a.wajib, Recorded = a.recorded, Children = a.children, ChildrenWithBirthCertificate = a.certificates },
                    new() { Region = Regency73, Population = b.population, WajibKtp = b.wajib, Recorded = b.recorded, Children = b.children, ChildrenWithBirthCertificate = b.certificates },
                ],
            };
            AssertHits(options.Calibration, ResidentCounter.CountByRegion(SyntheticPopulation.GenerateResidents(options), options.AsOf, RegionLevel.Regency));
        }, iter: 40);
    }

    [Fact]
    public void GenerateResidents_VillageTargets_HitExactly()
    {
        RegionCode[] villages = [RegionCode.Village(32, 1, 1, 2001), RegionCode.Village(32, 1, 1, 2002)];
        var options = new SyntheticPopulationOptions
        {
            AsOf = SyntheticPopulationTests.AsOf,
            Villages = villages,
            Calibration =
            [
                new() { Region = villages[0], Population = 1_000, WajibKtp = 700, Recorded = 650, Children = 310, ChildrenWithBirthCertificate = 300 },
                new() { Region = villages[1], Population = 500, WajibKtp = 300, Recorded = 100, Children = 200, ChildrenWithBirthCertificate = 20 },
            ],
        };
        AssertHits(options.Calibration, ResidentCounter.CountByRegion(SyntheticPopulation.GenerateResidents(options), options.AsOf, RegionLevel.Village));
    }

    [Fact]
    public void GenerateResidents_Calibrated_AddsDeceasedAndEmigratedRows()
    {
        var options = Calibrated(SyntheticPopulationTests.Villages(3), 30_000) with { DeceasedShare = 0.02, MovedAbroadShare = 0.01 };
        var residents = SyntheticPopulation.GenerateResidents(options).ToList();

        // 18,000 / 0.97 × 0.03 = 556.7 and 12,000 / 0.97 × 0.03 = 371.1 rows are added on top of the present residents.
        Assert.Equal(30_000 + 557 + 371, residents.Count);
        Assert.InRange(residents.Count(r => r.LifeStatus == LifeStatus.Deceased), 550, 690);
        Assert.All(residents.Where(r => r.LifeStatus != LifeStatus.Alive), r => Assert.True(r.LifeStatusDate <= options.AsOf));
    }

    [Fact]
    public void FromCounts_TakesTheFiveTotals()
    {
        var counts = new CoverageCounts { Population = 10, WajibKtp = 7, Recorded = 6, Children = 3, ChildrenWithBirthCertificate = 2, Printed = 5 };
        var target = CalibrationTarget.FromCounts(Regency1, counts);
        Assert.Equal(new CalibrationTarget { Region = Regency1, Population = 10, WajibKtp = 7, Recorded = 6, Children = 3, ChildrenWithBirthCertificate = 2 }, target);
    }

    internal static void AssertHits(IReadOnlyList<CalibrationTarget> targets, IReadOnlyDictionary<RegionCode, CoverageCounts> counts)
    {
        foreach (var target in targets)
        {
            counts.TryGetValue(target.Region, out var actual);
            Assert.Equal(target, CalibrationTarget.FromCounts(target.Region, actual));
        }
    }

    private static CalibrationTarget Target(RegionCode region, long population, double wajibShare, double recordedShare, double childShare, double certificateShare)
    {
        var wajib = (long)(population * wajibShare);
        var children = (long)(population * childShare);
        return new CalibrationTarget
        {
            Region = region,
            Population = population,
            WajibKtp = wajib,
            Recorded = (long)(wajib * recordedShare),
            Children = children,
            ChildrenWithBirthCertificate = (long)(children * certificateShare),
        };
    }
}
