using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Internals;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

public class CoverageEngineTests
{
    public static TheoryData<string> Kernels => [.. CoverageKernels.Available.Select(k => k.Name)];

    private static readonly RecordingStatusMapping s_customMapping = RecordingStatusMapping.Default
        .With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded)
        .With(KtpElStatus.Unregistered, RecordingCategory.Failed)
        .With(KtpElStatus.CardShipped, RecordingCategory.Duplicate);

    [Fact]
    public void Available_IncludesScalarLast() => Assert.Equal("Scalar", CoverageKernels.Available[^1].Name);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Count_RandomPopulations_EqualsResidentCounter(string kernel) =>
        Gen.Select(PopulationGen.Population(120), Gen.Int[0, 3], Gen.Int[-40, 400], Gen.Bool).Sample((sample, levelIndex, shift, custom) =>
        {
            var (asOf, rows) = sample;
            var level = PopulationGen.Levels[levelIndex];
            var policy = shift % 2 == 0 ? KtpEligibilityPolicy.Default : new KtpEligibilityPolicy(LeapDayBirthdayRule.February28);
            var mapping = custom ? s_customMapping : RecordingStatusMapping.Default;
            var table = Build(rows);
            var residents = PopulationGen.ToResidents(rows);
            var engine = new CoverageEngine(policy, mapping, CoverageKernels.Get(kernel));
            foreach (var date in new[] { asOf, asOf.PlusDays(shift), asOf.PlusDays(-1) })
            {
                var interval = new DateInterval(date.PlusDays(-Math.Abs(shift)), date);
                var expected = ResidentCounter.CountByRegion(residents, date, level, policy, mapping, interval);
                CountsAssert.Equal(expected, engine.Count(table, date, level, interval), $"{kernel} {date:uuuu-MM-dd} {level}");
            }

            var withoutInterval = ResidentCounter.CountByRegion(residents, asOf, level, policy, mapping);
            CountsAssert.Equal(withoutInterval, engine.Count(table, asOf, level), $"{kernel} {asOf:uuuu-MM-dd} {level} no interval");
        }, iter: 150);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Count_RowCountsAroundVectorWidths_EqualsScalar(string kernel)
    {
        var rows = PopulationGen.Row(new LocalDate(2025, 8, 17)).Array[100].Single();
        foreach (var length in new[] { 0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100 })
        {
            var table = Build(rows.Take(length).Select(r => r with { Domicile = PopulationGen.Villages[0] }));
            var p = ScanParameters.Create(KtpEligibilityPolicy.Default, RecordingStatusMapping.Default, new LocalDate(2025, 8, 17), new DateInterval(new LocalDate(2025, 8, 1), new LocalDate(2025, 8, 17)));
            var expected = new long[RawCounter.Count];
            var actual = new long[RawCounter.Count];
            ScalarCoverageKernel.Instance.Count(table, 0, length, p, expected);
            CoverageKernels.Get(kernel).Count(table, 0, length, p, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Count_LargeRegion_FlushesAndChunksExactly(string kernel)
    {
        // 140,000 rows, 130,000 in one village: several 65,536-row chunks, and 16-bit accumulator flushes inside a range.
        var asOf = new LocalDate(2025, 8, 17);
        var rows = PopulationGen.Row(asOf).Array[1000].Single();
        var builder = new PopulationTableBuilder();
        for (var i = 0; i < 140_000; i++)
        {
            builder.Add(rows[i % rows.Length] with { Domicile = PopulationGen.Villages[i < 130_000 ? 0 : 1] });
        }

        var table = builder.Build();
        var p = ScanParameters.Create(KtpEligibilityPolicy.Default, RecordingStatusMapping.Default, asOf, new DateInterval(asOf.PlusDays(-30), asOf));
        var expected = new long[RawCounter.Count];
        var actual = new long[RawCounter.Count];
        ScalarCoverageKernel.Instance.Count(table, 0, table.Count, p, expected);
        CoverageKernels.Get(kernel).Count(table, 0, table.Count, p, actual);
        Assert.Equal(expected, actual);

        var byVillage = new CoverageEngine(null, null, CoverageKernels.Get(kernel)).Count(table, asOf, RegionLevel.Village, new DateInterval(asOf.PlusDays(-30), asOf));
        var single = new CoverageEngine(null, null, ScalarCoverageKernel.Instance) { MaxDegreeOfParallelism = 1 }.Count(table, asOf, RegionLevel.Village, new DateInterval(asOf.PlusDays(-30), asOf));
        CountsAssert.Equal(single, byVillage, kernel);
    }

    [Fact]
    public void Count_HandCalculatedVillage_MatchesTheLaw()
    {
        var village = RegionCode.Village(64, 72, 1, 1001);
        var asOf = new LocalDate(2025, 2, 28);
        var builder = new PopulationTableBuilder();
        ResidentRow Person(LocalDate birth, MaritalStatus marital = MaritalStatus.NeverMarried, Citizenship citizenship = Citizenship.Wni) => new()
        {
            Domicile = village,
            BirthDate = birth,
            Sex = Sex.Male,
            Citizenship = citizenship,
            MaritalStatus = marital,
            LifeStatus = LifeStatus.Alive,
            RecordingStatus = KtpElStatus.Unregistered,
        };

        // Born 29 Feb 2008: 17 only on 1 March 2025 under the default rule: a 16-year-old who may record early.
        builder.Add(Person(new LocalDate(2008, 2, 29)));

        // Born 28 Feb 2008: 17 today, wajib KTP by age, recorded and printed.
        builder.Add(Person(new LocalDate(2008, 2, 28)) with { RecordingStatus = KtpElStatus.CardPrinted, RecordingDate = new LocalDate(2025, 2, 28) });

        // Married at 15: wajib KTP by marriage; recorded tomorrow, so not yet recorded today.
        builder.Add(Person(new LocalDate(2010, 1, 1), MaritalStatus.Married) with { RecordingStatus = KtpElStatus.BioCaptured, RecordingDate = new LocalDate(2025, 3, 1) });

        // A 30-year-old ITAS holder: present, not wajib KTP.
        builder.Add(Person(new LocalDate(1995, 1, 1), citizenship: Citizenship.ForeignerWithItas));

        // A 40-year-old ITAP holder whose permit expired yesterday: not wajib KTP.
        builder.Add(Person(new LocalDate(1985, 1, 1), citizenship: Citizenship.ForeignerWithItap) with { PermitExpiry = new LocalDate(2025, 2, 27) });

        // Died today: not counted; born tomorrow: not counted.
        builder.Add(Person(new LocalDate(1950, 1, 1)) with { LifeStatus = LifeStatus.Deceased, LifeStatusDate = asOf });
        builder.Add(Person(new LocalDate(2025, 3, 1)));

        // A child of 3 with a birth certificate and a KIA.
        builder.Add(Person(new LocalDate(2022, 1, 1)) with { HasBirthCertificate = true, HasKia = true });

        var counts = new CoverageEngine().Count(builder.Build(), asOf, RegionLevel.Regency, new DateInterval(new LocalDate(2025, 2, 1), asOf))[RegionCode.Regency(64, 72)];
        Assert.Equal(
            new CoverageCounts
            {
                Population = 6,
                WajibKtp = 2,
                WajibKtpByAge = 1,
                WajibKtpByMarriage = 1,
                Recorded = 1,
                PrintReady = 1,
                Printed = 1,
                Children = 4,
                ChildrenWithBirthCertificate = 1,
                ChildrenUnder17 = 3,
                ChildrenUnder17WithKia = 1,
                MayRecordEarly = 1,
                NewlyWajibKtp = 1,
            },
            counts);
    }

    [Fact]
    public void Count_Result_CarriesQueryAndTotal()
    {
        var rows = PopulationGen.Row(new LocalDate(2025, 8, 17)).Array[50].Single();
        var table = Build(rows);
        var interval = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 8, 17));
        var result = new CoverageEngine().Count(table, new LocalDate(2025, 8, 17), RegionLevel.Province, interval);
        Assert.Equal(new LocalDate(2025, 8, 17), result.AsOf);
        Assert.Equal(RegionLevel.Province, result.Level);
        Assert.Same(interval, result.NewlyWajibKtpInterval);
        Assert.Equal(result.Values.Aggregate(default(CoverageCounts), (a, b) => a + b), result.Total);
        Assert.Equal(result.Keys.Order(), result.Keys);
        Assert.False(result.ContainsKey(RegionCode.Province(11)));
        Assert.Throws<KeyNotFoundException>(() => result[RegionCode.Province(11)]);
    }

    [Fact]
    public void Count_InvalidArguments_Throw()
    {
        var engine = new CoverageEngine();
        var table = new PopulationTableBuilder().Build();
        Assert.Throws<ArgumentNullException>("table", () => engine.Count(null!, new LocalDate(2025, 1, 1), RegionLevel.Regency));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => engine.Count(table, new LocalDate(2025, 1, 1), RegionLevel.None));
        Assert.Throws<ArgumentException>("asOf", () => engine.Count(table, new LocalDate(2025, 1, 1, CalendarSystem.Julian), RegionLevel.Regency));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new CoverageEngine { MaxDegreeOfParallelism = -1 });
        Assert.Empty(engine.Count(table, new LocalDate(2025, 1, 1), RegionLevel.Village));
    }

    [Fact]
    public void Count_DatesOutsideStorableRange_EqualResidentCounter()
    {
        var rows = PopulationGen.Row(new LocalDate(2025, 8, 17)).Array[200].Single();
        var table = Build(rows);
        var residents = PopulationGen.ToResidents(rows);
        foreach (var date in new[] { new LocalDate(1850, 1, 1), new LocalDate(1900, 1, 1), new LocalDate(2079, 6, 4), new LocalDate(2090, 1, 1), new LocalDate(2500, 1, 1) })
        {
            var interval = new DateInterval(date.PlusYears(-1), date);
            CountsAssert.Equal(ResidentCounter.CountByRegion(residents, date, RegionLevel.District, newlyWajibKtpInterval: interval), new CoverageEngine().Count(table, date, RegionLevel.District, interval), date.ToString());
        }
    }

    internal static PopulationTable Build(IEnumerable<ResidentRow> rows)
    {
        var builder = new PopulationTableBuilder();
        foreach (var row in rows)
        {
            builder.Add(row);
        }

        return builder.Build();
    }
}
