using Kependudukan.Aggregation.Partials;
using Kependudukan.Coverage;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Aggregation.Partials.PartialTestData;

namespace Kependudukan.Tests.Aggregation.Partials;

public class CoveragePartialTests
{
    private static readonly RegionCode s_village1 = Code("64.72.01.1001");
    private static readonly RegionCode s_village2 = Code("64.72.01.1002");

    private static KeyValuePair<RegionCode, CoverageCounts> Row(string region, CoverageCounts counts) => new(Code(region), counts);

    private static ArgumentException CreateFails(
        IEnumerable<KeyValuePair<RegionCode, CoverageCounts>> counts,
        RegionCode[]? scope = null,
        RegionLevel level = RegionLevel.Village,
        LocalDate? asOf = null,
        CountingPolicyId? policy = null,
        DateInterval? interval = null,
        string[]? sources = null) =>
        Assert.ThrowsAny<ArgumentException>(() =>
            CoveragePartial.Create(asOf ?? AsOf, policy ?? CountingPolicyId.Default, level, scope ?? [Code("64.72")], counts, interval, sources));

    [Fact]
    public void Create_Valid_KeepsSettingsAndSortsContent()
    {
        var partial = CoveragePartial.Create(
            AsOf,
            CountingPolicyId.Default,
            RegionLevel.Village,
            [Code("64.72"), Code("64.71")],
            [Row("64.72.01.1002", Sample(12)), Row("64.71.01.1001", Sample(20)), Row("64.72.01.1001", Sample())],
            sources: ["Disdukcapil Kota Samarinda", "Disdukcapil Kota Balikpapan", "Disdukcapil Kota Samarinda"]);

        Assert.Equal(AsOf, partial.AsOf);
        Assert.Null(partial.NewlyWajibKtpInterval);
        Assert.Equal(CountingPolicyId.Default, partial.PolicyId);
        Assert.Equal(RegionLevel.Village, partial.Level);
        Assert.Equal([Code("64.71"), Code("64.72")], partial.Scope);
        Assert.Equal([Code("64.71.01.1001"), s_village1, s_village2], partial.Counts.Keys);
        Assert.Equal(["Disdukcapil Kota Balikpapan", "Disdukcapil Kota Samarinda"], partial.Sources);
        Assert.Equal(Sample(12), partial.Counts[s_village2]);
        Assert.True(partial.Counts.ContainsKey(s_village1));
        Assert.False(partial.Counts.TryGetValue(Code("64.72.01.1003"), out _));
        Assert.Equal("The partial has no row for region 64.72.01.1003.", Assert.Throws<KeyNotFoundException>(() => partial.Counts[Code("64.72.01.1003")]).Message);
    }

    [Fact]
    public void Total_SumsTheRows()
    {
        var total = Samarinda().Total;

        // Sample() twice, with populations 10 and 12.
        Assert.Equal(22, total.Population);
        Assert.Equal(14, total.WajibKtp);
        Assert.Equal(12, total.WajibKtpByAge);
        Assert.Equal(2, total.WajibKtpByMarriage);
        Assert.Equal(10, total.Recorded);
        Assert.Equal(6, total.Printed);
        Assert.Equal(2, total.ChildrenUnder17WithKia);
    }

    [Fact]
    public void Create_RowsCoarserThanTheScope_AreAllowed()
    {
        // Two districts of Samarinda raised to the regency: the row counts only the residents of the two districts.
        var partial = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72.02"), Code("64.72.01")], [Row("64.72", Sample())]);
        Assert.Equal([Code("64.72.01"), Code("64.72.02")], partial.Scope);
        Assert.Equal(Sample(), partial.Counts[Code("64.72")]);
    }

    [Fact]
    public void Create_NoRows_IsAnEmptyPartOfTheCountry()
    {
        var partial = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.District, [Code("65.01")], []);
        Assert.Empty(partial.Counts);
        Assert.Equal(default, partial.Total);
    }

    [Fact]
    public void Create_RowAtAnotherLevel_Throws()
    {
        var ex = CreateFails([Row("64.72.01.1001", Sample()), Row("64.72.01", Sample())]);
        Assert.Equal("counts", ex.ParamName);
        Assert.Equal("counts[1]: Region 64.72.01 is at District level; every row of this partial is at Village level. (Parameter 'counts')", ex.Message);
    }

    [Fact]
    public void Create_RowOutsideTheScope_Throws() =>
        Assert.Equal(
            "counts[1]: Region 64.71.01.1001 lies outside the scope (64.72). (Parameter 'counts')",
            CreateFails([Row("64.72.01.1001", Sample()), Row("64.71.01.1001", Sample())]).Message);

    [Fact]
    public void Create_RegionTwice_Throws() =>
        Assert.Equal(
            "counts[2]: Region 64.72.01.1001 appears twice (also at position 0). (Parameter 'counts')",
            CreateFails([Row("64.72.01.1001", Sample()), Row("64.72.01.1002", Sample()), Row("64.72.01.1001", Sample(11))]).Message);

    [Fact]
    public void Create_DefaultRegion_Throws() =>
        Assert.Equal(
            "counts[0]: The default RegionCode is not a region code. (Parameter 'counts')",
            CreateFails([new KeyValuePair<RegionCode, CoverageCounts>(default, Sample())]).Message);

    [Theory]
    [InlineData(new[] { "64.72", "64.72.01" }, "scope[1]: Scope codes 64.72 and 64.72.01 overlap: a scope lists each region once, none inside another. (Parameter 'scope')")]
    [InlineData(new[] { "64.72.01", "64.72", "65" }, "scope[1]: Scope codes 64.72 and 64.72.01 overlap: a scope lists each region once, none inside another. (Parameter 'scope')")]
    [InlineData(new[] { "64.72", "64.71", "64.72" }, "scope[2]: Scope code 64.72 appears twice (also at position 0). (Parameter 'scope')")]
    [InlineData(new string[0], "A partial needs a scope: at least one region code it covers. (Parameter 'scope')")]
    public void Create_InvalidScope_Throws(string[] scope, string message)
    {
        var ex = CreateFails([], [.. scope.Select(Code)]);
        Assert.Equal("scope", ex.ParamName);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Create_DefaultPolicyId_Throws()
    {
        var ex = CreateFails([], policy: default(CountingPolicyId));
        Assert.Equal("policyId", ex.ParamName);
        Assert.Equal("The counting policy id is the default value; use CountingPolicyId.From(...) with the settings the counts were computed with. (Parameter 'policyId')", ex.Message);
    }

    [Fact]
    public void Create_LevelNone_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("level", () => CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.None, [Code("64")], []));

    [Fact]
    public void Create_DatesOutsideIsoYears1To9999_Throw()
    {
        Assert.Equal("The as-of date should be in the ISO calendar; got Julian. (Parameter 'asOf')",
            CreateFails([], asOf: new LocalDate(2024, 6, 17, CalendarSystem.Julian)).Message);
        Assert.Equal("The as-of date should be in years 1-9999; got 0. (Parameter 'asOf')", CreateFails([], asOf: new LocalDate(0, 1, 1)).Message);
        var ex = CreateFails([], interval: new DateInterval(new LocalDate(-1, 1, 1), AsOf));
        Assert.Equal("newlyWajibKtpInterval", ex.ParamName);
        Assert.Equal("The start of the newly-wajib-KTP interval should be in years 1-9999; got -1. (Parameter 'newlyWajibKtpInterval')", ex.Message);
    }

    [Theory]
    [InlineData("", "sources[0]: A source name must not be empty or white space. (Parameter 'sources')")]
    [InlineData(" Disdukcapil Kota Samarinda", "sources[0]: A source name must not start or end with white space. (Parameter 'sources')")]
    [InlineData("Disdukcapil\nKota Samarinda", "sources[0]: A source name must not contain control characters (line breaks, tabs). (Parameter 'sources')")]
    public void Create_InvalidSource_Throws(string source, string message) =>
        Assert.Equal(message, CreateFails([], sources: [source]).Message);

    [Fact]
    public void Create_LongSource_Throws() =>
        Assert.Equal("sources[1]: A source name has at most 200 characters; got 201. (Parameter 'sources')", CreateFails([], sources: ["ok", new string('x', 201)]).Message);

    [Fact]
    public void Create_NullSource_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>("sources[0]", () => CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64")], [], sources: [null!]));

    [Fact]
    public void Create_CountsBreakingTheirRules_Throw()
    {
        (Func<CoverageCounts, CoverageCounts> Change, string Rule)[] cases =
        [
            (c => c with { Population = -1 }, "Population (-1) is negative."),
            (c => c with { Duplicates = -2 }, "Duplicates (-2) is negative."),
            (c => c with { WajibKtpByMarriage = 2 }, "WajibKtp (7) should equal WajibKtpByAge (6) + WajibKtpByMarriage (2)."),
            (c => c with { NewlyWajibKtp = 1 }, "NewlyWajibKtp (1) should be 0 when the partial has no newly-wajib-KTP interval."),
            (c => c with { Population = 6 }, "WajibKtp (7) should be at most Population (6)."),
            (c => c with { Recorded = 8 }, "Recorded (8) should be at most WajibKtp (7)."),
            (c => c with { PrintReady = 6 }, "PrintReady (6) should be at most Recorded (5)."),
            (c => c with { Printed = 5 }, "Printed (5) should be at most PrintReady (4)."),
            (c => c with { RecordingFailed = 8 }, "RecordingFailed (8) should be at most WajibKtp (7)."),
            (c => c with { Duplicates = 8 }, "Duplicates (8) should be at most WajibKtp (7)."),
            (c => c with { Children = 11 }, "Children (11) should be at most Population (10)."),
            (c => c with { ChildrenWithBirthCertificate = 4 }, "ChildrenWithBirthCertificate (4) should be at most Children (3)."),
            (c => c with { ChildrenUnder17 = 4 }, "ChildrenUnder17 (4) should be at most Children (3)."),
            (c => c with { ChildrenUnder17WithKia = 4 }, "ChildrenUnder17WithKia (4) should be at most ChildrenUnder17 (3)."),
            (c => c with { MayRecordEarly = 4 }, "MayRecordEarly (4) should be at most Population − WajibKtp (3)."),
        ];
        foreach (var (change, rule) in cases)
        {
            var ex = CreateFails([Row("64.72.01.1001", Sample()), Row("64.72.01.1002", change(Sample()))]);
            Assert.Equal($"counts[1]: Counts of 64.72.01.1002 break a rule: {rule} (Parameter 'counts')", ex.Message);
        }
    }

    [Fact]
    public void Create_NewlyWajibKtpWithAnInterval_IsAllowed()
    {
        var interval = new DateInterval(new LocalDate(2024, 1, 1), AsOf);
        var partial = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64.72")], [Row("64.72.01.1001", Sample() with { NewlyWajibKtp = 2 })], interval);
        Assert.Equal(interval, partial.NewlyWajibKtpInterval);
        Assert.Equal(2, partial.Total.NewlyWajibKtp);
    }

    [Fact]
    public void Create_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("scope", () => CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, null!, []));
        Assert.Throws<ArgumentNullException>("counts", () => CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64")], null!));
    }

    [Fact]
    public void Equals_SameContentInAnotherOrder_IsEqual()
    {
        var a = Samarinda();
        var b = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64.72")],
            [Row("64.72.01.1002", Sample(12)), Row("64.72.01.1001", Sample())], sources: ["Disdukcapil Kota Samarinda"]);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void Equals_AnyDifference_IsNotEqual()
    {
        var a = Samarinda();
        Assert.NotEqual(a, Samarinda(asOf: AsOf.PlusDays(1)));
        Assert.NotEqual(a, Samarinda(interval: new DateInterval(AsOf, AsOf)));
        Assert.NotEqual(a, Samarinda(policy: CountingPolicyId.From(mapping: RecordingStatusMapping.Default.With(KtpElStatus.DuplicateRecord, RecordingCategory.Recorded))));
        Assert.NotEqual(a, CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64.72")],
            [Row("64.72.01.1002", Sample(12)), Row("64.72.01.1001", Sample())], sources: ["Disdukcapil Kota Samarinda (revisi)"]));
        Assert.NotEqual(a, CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64.72")],
            [Row("64.72.01.1002", Sample(13)), Row("64.72.01.1001", Sample())], sources: ["Disdukcapil Kota Samarinda"]));
        Assert.NotEqual(a, CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64.72.01")],
            [Row("64.72.01.1002", Sample(12)), Row("64.72.01.1001", Sample())], sources: ["Disdukcapil Kota Samarinda"]));
        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.True((CoveragePartial?)null == null);
    }

    [Fact]
    public void ToString_NamesDateRowsScopeAndSources()
    {
        Assert.Equal("Coverage partial as of 2024-06-30: 2 Village rows, scope 64.72, from Disdukcapil Kota Samarinda", Samarinda().ToString());
        var many = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [.. new[] { 1, 2, 3, 4, 5, 6 }.Select(d => RegionCode.District(64, 72, d))], []);
        Assert.Equal("Coverage partial as of 2024-06-30: 0 Regency rows, scope 64.72.01, 64.72.02, 64.72.03, 64.72.04 and 2 more", many.ToString());
    }

    private static Resident Person(RegionCode village, LocalDate birthDate, int serial) => new()
    {
        Nik = Nik.Create(village.Parent, birthDate, Sex.Female, serial),
        BirthDate = birthDate,
        Sex = Sex.Female,
        Citizenship = Citizenship.Wni,
        MaritalStatus = MaritalStatus.NeverMarried,
        Domicile = village,
    };

    [Fact]
    public void FromResidents_HandCountedVillage()
    {
        // A turns 17 on the as-of date (wajib KTP by age, recorded, still a child under 18); B is 14 with a birth certificate and a KIA.
        var village = s_village1;
        var a = Person(village, new LocalDate(2007, 6, 30), 1) with { RecordingStatus = KtpElStatus.BioCaptured };
        var b = a with { Nik = Nik.Create(village.Parent, new LocalDate(2010, 1, 1), Sex.Male, 2), BirthDate = new LocalDate(2010, 1, 1), Sex = Sex.Male, RecordingStatus = KtpElStatus.Unregistered, HasBirthCertificate = true, HasKia = true };
        var interval = new DateInterval(new LocalDate(2024, 1, 1), AsOf);

        var partial = CoveragePartial.FromResidents([a, b], AsOf, RegionLevel.Village, [Code("64.72")], newlyWajibKtpInterval: interval, sources: ["Disdukcapil Kota Samarinda"]);

        var expected = new CoverageCounts
        {
            Population = 2,
            WajibKtp = 1,
            WajibKtpByAge = 1,
            Recorded = 1,
            Children = 2,
            ChildrenWithBirthCertificate = 1,
            ChildrenUnder17 = 1,
            ChildrenUnder17WithKia = 1,
            NewlyWajibKtp = 1,
        };
        Assert.Equal([village], partial.Counts.Keys);
        Assert.Equal(expected, partial.Counts[village]);
        Assert.Equal(CountingPolicyId.Default, partial.PolicyId);
        Assert.Equal(interval, partial.NewlyWajibKtpInterval);
    }

    [Fact]
    public void FromResidents_ResidentOutsideTheScope_ThrowsWithoutPersonalData()
    {
        var inside = Person(s_village1, new LocalDate(1990, 5, 17), 1);
        var outside = Person(Code("64.71.01.1001"), new LocalDate(1990, 5, 17), 2);
        var ex = Assert.Throws<ArgumentException>("residents", () => CoveragePartial.FromResidents([inside, outside], AsOf, RegionLevel.Village, [Code("64.72")]));
        Assert.Equal("Resident at position 1 lives in 64.71.01.1001, outside the scope (64.72). (Parameter 'residents')", ex.Message);
        Assert.DoesNotContain(outside.Nik.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResidents_NullResident_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>("residents", () => CoveragePartial.FromResidents([null!], AsOf, RegionLevel.Village, [Code("64.72")]));

    [Fact]
    public void FromResidents_InvalidScope_Throws() =>
        Assert.Equal("scope[1]: Scope codes 64.72 and 64.72.01 overlap: a scope lists each region once, none inside another. (Parameter 'scope')",
            Assert.Throws<ArgumentException>("scope", () => CoveragePartial.FromResidents([], AsOf, RegionLevel.Village, [Code("64.72"), Code("64.72.01")])).Message);
}
