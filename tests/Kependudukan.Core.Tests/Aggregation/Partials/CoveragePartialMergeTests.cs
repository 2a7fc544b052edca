using CsCheck;
using Kependudukan.Aggregation.Partials;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Aggregation.Partials.PartialTestData;

namespace Kependudukan.Tests.Aggregation.Partials;

public class CoveragePartialMergeTests
{
    private const string SamarindaLabel = "(scope 64.72, from Disdukcapil Kota Samarinda)";
    private const string BalikpapanLabel = "(scope 64.71, from Disdukcapil Kota Balikpapan)";

    /// <summary>A random population, its settings, and a random split of the two provinces into disjoint scopes.</summary>
    private static readonly Gen<(Resident[] Residents, RegionLevel Level, (KtpEligibilityPolicy Policy, RecordingStatusMapping Mapping) Settings, DateInterval? Interval, int Seed)> s_case =
        from residents in Population
        from level in Level
        from settings in Settings
        from interval in NewlyInterval
        from seed in Gen.Int
        select (residents, level, settings, interval, seed);

    [Fact]
    public void Merge_DisjointRegionsInAnyOrderAndGrouping_EqualsCountingTheUnion() =>
        s_case.Sample(c =>
        {
            var (random, scopes, partials) = SplitAndCount(c.Residents, c.Level, c.Settings, c.Interval, c.Seed, maxGroups: 7);

            var merged = MergeRandomly(random, partials);

            var expected = ResidentCounter.CountByRegion(c.Residents, AsOf, c.Level, c.Settings.Policy, c.Settings.Mapping, c.Interval);
            Assert.Equal(expected.OrderBy(r => r.Key), merged.Counts);
            Assert.Equal(expected.Values.Aggregate(default(CoverageCounts), (a, b) => a + b), merged.Total);
            var direct = CoveragePartial.FromResidents(c.Residents, AsOf, c.Level, scopes.SelectMany(s => s), c.Settings.Policy, c.Settings.Mapping, c.Interval,
                scopes.Select((_, i) => $"Office {i}"));
            Assert.Equal(direct, merged);
            Assert.Equal(merged, CoveragePartial.Merge(partials.OrderBy(_ => random.Next())));
        }, iter: 60);

    [Fact]
    public void RollUp_CommutesWithMergeAndEqualsCountingAtTheCoarserLevel() =>
        s_case.Sample(c =>
        {
            var (_, scopes, partials) = SplitAndCount(c.Residents, RegionLevel.Village, c.Settings, c.Interval, c.Seed, maxGroups: 5);

            var raisedThenMerged = CoveragePartial.Merge(partials.Select(p => p.RollUp(c.Level)));
            var mergedThenRaised = CoveragePartial.Merge(partials).RollUp(c.Level);

            Assert.Equal(mergedThenRaised, raisedThenMerged);
            Assert.Equal(PartialsOf(c.Residents, scopes, c.Level, c.Settings.Policy, c.Settings.Mapping, c.Interval)[0], partials[0].RollUp(c.Level));
            Assert.Equal(ResidentCounter.CountByRegion(c.Residents, AsOf, c.Level, c.Settings.Policy, c.Settings.Mapping, c.Interval).OrderBy(r => r.Key), raisedThenMerged.Counts);
        }, iter: 40);

    [Fact]
    public void Merge_TwoCities_UnitesScopesRowsAndSources()
    {
        var merged = CoveragePartial.Merge(Samarinda(), Balikpapan());
        Assert.Equal([Code("64.71"), Code("64.72")], merged.Scope);
        Assert.Equal([Code("64.71.01.1001"), Code("64.72.01.1001"), Code("64.72.01.1002")], merged.Counts.Keys);
        Assert.Equal(["Disdukcapil Kota Balikpapan", "Disdukcapil Kota Samarinda"], merged.Sources);
        Assert.Equal(10 + 12 + 20, merged.Total.Population);
        Assert.Equal(3 * 7, merged.Total.WajibKtp);
        Assert.Equal(merged, CoveragePartial.Merge(Balikpapan(), Samarinda()));
    }

    [Fact]
    public void Merge_RowsCoarserThanTheScopes_AreSummed()
    {
        var district1 = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72.01")], [new(Code("64.72"), Sample())]);
        var district2 = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72.02")], [new(Code("64.72"), Sample(12))]);
        var merged = CoveragePartial.Merge(district1, district2);
        Assert.Equal(22, merged.Counts[Code("64.72")].Population);
        Assert.Equal(14, merged.Counts[Code("64.72")].WajibKtp);
    }

    [Fact]
    public void Merge_One_ReturnsIt()
    {
        var partial = Samarinda();
        Assert.Same(partial, CoveragePartial.Merge(partial));
        Assert.Same(partial, CoveragePartial.Merge(new List<CoveragePartial> { partial }));
    }

    [Fact]
    public void Merge_DifferentAsOfDates_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("second", () => CoveragePartial.Merge(Samarinda(), Balikpapan(asOf: new LocalDate(2024, 7, 1))));
        Assert.Equal(
            $"Cannot merge coverage partials with different as-of dates: first {SamarindaLabel} is as of 2024-06-30, second {BalikpapanLabel} is as of 2024-07-01. (Parameter 'second')",
            ex.Message);
    }

    [Fact]
    public void Merge_DifferentIntervals_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("second", () => CoveragePartial.Merge(Samarinda(interval: new DateInterval(new LocalDate(2024, 1, 1), AsOf)), Balikpapan()));
        Assert.Equal(
            $"Cannot merge coverage partials with different newly-wajib-KTP intervals: first {SamarindaLabel} has 2024-01-01 to 2024-06-30, second {BalikpapanLabel} has none. (Parameter 'second')",
            ex.Message);
    }

    [Fact]
    public void Merge_DifferentPolicies_Throws()
    {
        var february28 = CountingPolicyId.From(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28));
        var ex = Assert.Throws<ArgumentException>("partials", () => CoveragePartial.Merge([Samarinda(), Balikpapan(policy: february28)]));
        Assert.Equal(
            $"Cannot merge coverage partials with different counting policies: partials[0] {SamarindaLabel} uses 1112222334456667 (29 February birthdays on 1 March; default status mapping), "
            + $"partials[1] {BalikpapanLabel} uses 1212222334456667 (29 February birthdays on 28 February; default status mapping). (Parameter 'partials')",
            ex.Message);
    }

    [Fact]
    public void Merge_DifferentLevels_ThrowsAndSuggestsRollUp()
    {
        var ex = Assert.Throws<ArgumentException>("second", () => CoveragePartial.Merge(Samarinda(), Balikpapan().RollUp(RegionLevel.Regency)));
        Assert.Equal(
            $"Cannot merge coverage partials with rows at different levels: first {SamarindaLabel} has Village rows, second {BalikpapanLabel} has Regency rows; "
            + "raise the finer one with RollUp(RegionLevel.Regency) first. (Parameter 'second')",
            ex.Message);
        Assert.Equal(2, CoveragePartial.Merge(Samarinda().RollUp(RegionLevel.Regency), Balikpapan().RollUp(RegionLevel.Regency)).Counts.Count);
    }

    [Fact]
    public void Merge_SameScope_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("second", () => CoveragePartial.Merge(Samarinda(), Samarinda()));
        Assert.Equal($"Cannot merge coverage partials with overlapping scopes: first {SamarindaLabel} and second {SamarindaLabel} both claim 64.72. (Parameter 'second')", ex.Message);
    }

    [Fact]
    public void Merge_ScopeInsideAnother_ThrowsNamingTheRegionClaimedTwice()
    {
        var province = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Village, [Code("64")], [], sources: ["Disdukcapil Provinsi Kalimantan Timur"]);
        var ex = Assert.Throws<ArgumentException>("partials", () => CoveragePartial.Merge(Balikpapan(), Samarinda(), province));
        Assert.Equal(
            $"Cannot merge coverage partials with overlapping scopes: partials[0] {BalikpapanLabel} and partials[2] (scope 64, from Disdukcapil Provinsi Kalimantan Timur) both claim 64.71. (Parameter 'partials')",
            ex.Message);
    }

    [Fact]
    public void Merge_NoPartial_Throws() =>
        Assert.Equal("At least one partial is needed to merge. (Parameter 'partials')",
            Assert.Throws<ArgumentException>("partials", () => CoveragePartial.Merge(Array.Empty<CoveragePartial>())).Message);

    [Fact]
    public void Merge_NullPartial_Throws()
    {
        Assert.StartsWith("Partial at position 1 is null.", Assert.Throws<ArgumentNullException>("partials", () => CoveragePartial.Merge(Samarinda(), null!, Balikpapan())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("second", () => CoveragePartial.Merge(Samarinda(), (CoveragePartial)null!));
        Assert.Throws<ArgumentNullException>("partials", () => CoveragePartial.Merge((IEnumerable<CoveragePartial>)null!));
    }

    [Fact]
    public void Merge_Overflow_Throws()
    {
        var huge = new CoverageCounts { Population = long.MaxValue };
        var a = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72.01")], [new(Code("64.72"), huge)]);
        var b = CoveragePartial.Create(AsOf, CountingPolicyId.Default, RegionLevel.Regency, [Code("64.72.02")], [new(Code("64.72"), huge)]);
        Assert.Throws<OverflowException>(() => CoveragePartial.Merge(a, b));
    }

    [Fact]
    public void RollUp_SumsRowsIntoTheirAncestors()
    {
        var regency = Samarinda().RollUp(RegionLevel.Regency);
        Assert.Equal(RegionLevel.Regency, regency.Level);
        Assert.Equal([Code("64.72")], regency.Counts.Keys);
        Assert.Equal(Sample() + Sample(12), regency.Counts[Code("64.72")]);
        Assert.Equal([Code("64.72")], regency.Scope);
        Assert.Equal(Samarinda().Sources, regency.Sources);
        Assert.Equal([Code("64")], regency.RollUp(RegionLevel.Province).Counts.Keys);
    }

    [Fact]
    public void RollUp_SameLevel_ReturnsIt()
    {
        var partial = Samarinda();
        Assert.Same(partial, partial.RollUp(RegionLevel.Village));
    }

    [Fact]
    public void RollUp_FinerLevel_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("level", () => Samarinda().RollUp(RegionLevel.Regency).RollUp(RegionLevel.Village));
        Assert.StartsWith("Level should be in range [Province-Regency]: rows can be raised to a coarser level, never refined.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("level", () => Samarinda().RollUp(RegionLevel.None));
    }
}
