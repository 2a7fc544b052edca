using CsCheck;
using Kependudukan.Aggregation.Partials;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation.Partials;

/// <summary>Random residents over a small region tree, ways to split it into disjoint scopes, and small hand-made partials.</summary>
internal static class PartialTestData
{
    internal static readonly LocalDate AsOf = new(2024, 6, 30);

    // Two provinces, three regencies each (two kabupaten and a kota), two districts each, three villages each: 36 villages.
    internal static readonly int[] Provinces = [64, 65];
    internal static readonly int[] Regencies = [1, 2, 72];
    internal static readonly int[] Districts = [1, 2];
    internal static readonly int[] Villages = [1001, 2001, 2002];

    internal static readonly Gen<RegionCode> Village =
        from p in Gen.OneOf(Provinces)
        from r in Gen.OneOf(Regencies)
        from d in Gen.OneOf(Districts)
        from v in Gen.OneOf(Villages)
        select RegionCode.Village(p, r, d, v);

    /// <summary>Birth dates weighted towards the ages where the rules change (16, 17, 18) and 29 February births.</summary>
    internal static readonly Gen<LocalDate> BirthDate = Gen.Frequency(
        (4, Gen.Int[0, 90 * 365].Select(days => AsOf.PlusDays(-days))),
        (4, Gen.Int[15 * 365, 19 * 365].Select(days => AsOf.PlusDays(-days))),
        (1, Gen.OneOf(2004, 2008, 2012, 2020).Select(year => new LocalDate(year, 2, 29))),
        (1, Gen.Int[-30, 0].Select(days => AsOf.PlusDays(-days))));

    internal static readonly Gen<LocalDate?> OptionalDate = Gen.Frequency(
        (1, Gen.Const((LocalDate?)null)),
        (2, Gen.Int[-3000, 400].Select(days => (LocalDate?)AsOf.PlusDays(days))));

    internal static readonly Gen<Resident> AnyResident =
        from domicile in Village
        from birth in BirthDate
        from sex in Gen.OneOf(Sex.Male, Sex.Female)
        from citizenship in Gen.OneOf(Citizenship.Wni, Citizenship.Wni, Citizenship.Wni, Citizenship.ForeignerWithItap, Citizenship.ForeignerWithItas)
        from permitExpiry in OptionalDate
        from marital in Gen.OneOf(MaritalStatus.NeverMarried, MaritalStatus.NeverMarried, MaritalStatus.Married, MaritalStatus.Divorced, MaritalStatus.Widowed)
        from life in Gen.OneOf(LifeStatus.Alive, LifeStatus.Alive, LifeStatus.Alive, LifeStatus.Deceased, LifeStatus.MovedAbroad)
        from lifeDate in OptionalDate
        from status in Gen.Int[1, 14]
        from recordingDate in OptionalDate
        from flags in Gen.Int[0, 3]
        from serial in Gen.Int[1, 9999]
        select new Resident
        {
            Nik = Nik.Create(domicile.Parent, birth, sex, serial),
            BirthDate = birth,
            Sex = sex,
            Citizenship = citizenship,
            PermitExpiry = citizenship == Citizenship.ForeignerWithItap ? permitExpiry : null,
            MaritalStatus = marital,
            LifeStatus = life,
            LifeStatusDate = life == LifeStatus.Alive ? null : lifeDate,
            Domicile = domicile,
            RecordingStatus = (KtpElStatus)status,
            RecordingDate = status == 1 ? null : recordingDate,
            HasBirthCertificate = (flags & 1) != 0,
            HasKia = (flags & 2) != 0,
        };

    internal static readonly Gen<Resident[]> Population = AnyResident.Array[0, 150];

    internal static readonly Gen<RegionLevel> Level = Gen.OneOf(RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village);

    internal static readonly Gen<DateInterval?> NewlyInterval = Gen.OneOf<DateInterval?>(null, new DateInterval(AsOf.PlusMonths(-6).PlusDays(1), AsOf));

    /// <summary>Counting settings: the leap-day rule and a status mapping, the default or with one status remapped.</summary>
    internal static readonly Gen<(KtpEligibilityPolicy Policy, RecordingStatusMapping Mapping)> Settings =
        from rule in Gen.OneOf(LeapDayBirthdayRule.March1, LeapDayBirthdayRule.February28)
        from remap in Gen.Bool
        from status in Gen.Int[1, 14]
        from category in Gen.Int[1, 7]
        select (new KtpEligibilityPolicy(rule), remap ? RecordingStatusMapping.Default.With((KtpElStatus)status, (RecordingCategory)category) : RecordingStatusMapping.Default);

    /// <summary>All the regions of the tree at scope granularity: whole provinces, whole regencies, or districts.</summary>
    /// <remarks>Each province is kept whole, split into its regencies, or split further into districts per regency.</remarks>
    internal static List<RegionCode> RandomUnits(Random random)
    {
        var units = new List<RegionCode>();
        foreach (var p in Provinces)
        {
            if (random.Next(4) == 0)
            {
                units.Add(RegionCode.Province(p));
                continue;
            }

            foreach (var r in Regencies)
            {
                if (random.Next(3) == 0)
                {
                    units.AddRange(Districts.Select(d => RegionCode.District(p, r, d)));
                }
                else
                {
                    units.Add(RegionCode.Regency(p, r));
                }
            }
        }

        return units;
    }

    /// <summary>Assigns every unit to one of up to <paramref name="maxGroups"/> non-empty scopes.</summary>
    internal static List<RegionCode[]> RandomScopes(Random random, List<RegionCode> units, int maxGroups)
    {
        var groups = Math.Min(maxGroups, units.Count);
        var assignment = units.Select((unit, i) => (Unit: unit, Group: i < groups ? i : random.Next(groups))).ToList();
        return [.. assignment.GroupBy(a => a.Group).Select(g => g.Select(a => a.Unit).ToArray())];
    }

    /// <summary>Splits the two provinces into up to <paramref name="maxGroups"/> random disjoint scopes and counts each into a partial.</summary>
    internal static (Random Random, List<RegionCode[]> Scopes, List<CoveragePartial> Partials) SplitAndCount(
        Resident[] residents, RegionLevel level, (KtpEligibilityPolicy Policy, RecordingStatusMapping Mapping) settings, DateInterval? interval, int seed, int maxGroups)
    {
        var random = new Random(seed);
        var scopes = RandomScopes(random, RandomUnits(random), random.Next(1, maxGroups + 1));
        return (random, scopes, PartialsOf(residents, scopes, level, settings.Policy, settings.Mapping, interval));
    }

    internal static bool InScope(RegionCode[] scope, Resident resident) => scope.Any(resident.Domicile.IsWithin);

    /// <summary>Counts the residents of each scope into a partial, each with its own source name.</summary>
    internal static List<CoveragePartial> PartialsOf(
        Resident[] residents, List<RegionCode[]> scopes, RegionLevel level, KtpEligibilityPolicy policy, RecordingStatusMapping mapping, DateInterval? interval) =>
        [.. scopes.Select((scope, i) => CoveragePartial.FromResidents(
            residents.Where(r => InScope(scope, r)), AsOf, level, scope, policy, mapping, interval, [$"Office {i}"]))];

    /// <summary>Merges in a random order and grouping: repeatedly merges two randomly chosen partials, in random argument order.</summary>
    internal static CoveragePartial MergeRandomly(Random random, List<CoveragePartial> partials)
    {
        var pool = new List<CoveragePartial>(partials);
        while (pool.Count > 1)
        {
            var i = random.Next(pool.Count);
            var a = pool[i];
            pool.RemoveAt(i);
            var j = random.Next(pool.Count);
            var b = pool[j];
            pool[j] = random.Next(2) == 0 ? CoveragePartial.Merge(a, b) : CoveragePartial.Merge(b, a);
        }

        return pool[0];
    }

    /// <summary>Counts that obey every documented rule, each at most <paramref name="max"/>.</summary>
    internal static Gen<CoverageCounts> Counts(long max, bool withNewly) =>
        from population in Gen.Long[0, max]
        from wajib in Gen.Long[0, population]
        from byAge in Gen.Long[0, wajib]
        from recorded in Gen.Long[0, wajib]
        from printReady in Gen.Long[0, recorded]
        from printed in Gen.Long[0, printReady]
        from failed in Gen.Long[0, wajib]
        from duplicates in Gen.Long[0, wajib]
        from children in Gen.Long[0, population]
        from withAkta in Gen.Long[0, children]
        from under17 in Gen.Long[0, children]
        from withKia in Gen.Long[0, under17]
        from early in Gen.Long[0, population - wajib]
        from newly in withNewly ? Gen.Long[0, max] : Gen.Const(0L)
        select new CoverageCounts
        {
            Population = population,
            WajibKtp = wajib,
            WajibKtpByAge = byAge,
            WajibKtpByMarriage = wajib - byAge,
            Recorded = recorded,
            PrintReady = printReady,
            Printed = printed,
            RecordingFailed = failed,
            Duplicates = duplicates,
            Children = children,
            ChildrenWithBirthCertificate = withAkta,
            ChildrenUnder17 = under17,
            ChildrenUnder17WithKia = withKia,
            MayRecordEarly = early,
            NewlyWajibKtp = newly,
        };

    /// <summary>Counts of a village of ten residents, consistent by hand: 7 wajib KTP (6 by age, 1 married at 16), 5 recorded, 3 children.</summary>
    internal static CoverageCounts Sample(long population = 10) => new()
    {
        Population = population,
        WajibKtp = 7,
        WajibKtpByAge = 6,
        WajibKtpByMarriage = 1,
        Recorded = 5,
        PrintReady = 4,
        Printed = 3,
        RecordingFailed = 1,
        Duplicates = 0,
        Children = 3,
        ChildrenWithBirthCertificate = 2,
        ChildrenUnder17 = 3,
        ChildrenUnder17WithKia = 1,
        MayRecordEarly = 0,
        NewlyWajibKtp = 0,
    };

    internal static RegionCode Code(string text) => RegionCode.Parse(text);

    /// <summary>Kota Samarinda (64.72): two villages of district 64.72.01, populations 10 and 12.</summary>
    internal static CoveragePartial Samarinda(LocalDate? asOf = null, CountingPolicyId? policy = null, DateInterval? interval = null) =>
        City("64.72", "Disdukcapil Kota Samarinda", [("64.72.01.1001", 10), ("64.72.01.1002", 12)], asOf, policy, interval);

    /// <summary>Kota Balikpapan (64.71): one village, population 20.</summary>
    internal static CoveragePartial Balikpapan(LocalDate? asOf = null, CountingPolicyId? policy = null, DateInterval? interval = null) =>
        City("64.71", "Disdukcapil Kota Balikpapan", [("64.71.01.1001", 20)], asOf, policy, interval);

    private static CoveragePartial City(string scope, string source, (string Village, long Population)[] rows, LocalDate? asOf, CountingPolicyId? policy, DateInterval? interval) =>
        CoveragePartial.Create(
            asOf ?? AsOf,
            policy ?? CountingPolicyId.Default,
            RegionLevel.Village,
            [Code(scope)],
            rows.Select(r => new KeyValuePair<RegionCode, CoverageCounts>(Code(r.Village), Sample(r.Population))),
            interval,
            [source]);
}
