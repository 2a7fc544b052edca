using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Coverage;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

/// <summary>Random populations for property tests, biased towards the edges of the rules: births on 29 February, residents
/// turning 16, 17 or 18 on the as-of date, married minors, foreigners of each permit class with permits expiring around
/// the as-of date, residents dying, moving abroad or recording around it.</summary>
internal static class PopulationGen
{
    public static readonly RegionCode[] Villages =
    [
        RegionCode.Village(64, 72, 1, 1001),
        RegionCode.Village(64, 72, 1, 1002),
        RegionCode.Village(64, 72, 2, 1001),
        RegionCode.Village(64, 71, 1, 1003),
        RegionCode.Village(64, 1, 5, 2001),
        RegionCode.Village(65, 1, 1, 2003),
    ];

    public static readonly LocalDate[] AsOfDates =
    [
        new(2025, 8, 17), new(2024, 2, 29), new(2025, 2, 28), new(2025, 3, 1), new(2023, 3, 1), new(2021, 12, 31), new(2000, 2, 29),
    ];

    public static readonly RegionLevel[] Levels = [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village];

    public static Gen<LocalDate> AsOf { get; } = Gen.OneOf(
        Gen.Int[0, AsOfDates.Length - 1].Select(i => AsOfDates[i]),
        Gen.Int[0, 40_000].Select(d => new LocalDate(1960, 1, 1).PlusDays(d)));

    /// <summary>A population around an as-of date, with the as-of date.</summary>
    public static Gen<(LocalDate AsOf, ResidentRow[] Rows)> Population(int maxRows) =>
        AsOf.SelectMany(asOf => Row(asOf).Array[0, maxRows].Select(rows => (asOf, rows)));

    public static Gen<ResidentRow> Row(LocalDate asOf) =>
        from village in Gen.Int[0, Villages.Length - 1]
        from birth in BirthDate(asOf)
        from sex in Gen.Int[1, 2]
        from citizenship in Gen.Frequency((6, Gen.Const(Citizenship.Wni)), (2, Gen.Const(Citizenship.ForeignerWithItap)), (2, Gen.Const(Citizenship.ForeignerWithItas)))
        from permit in Gen.Frequency((2, Gen.Const((LocalDate?)null)), (3, Near(asOf, 3)), (1, Near(asOf, 3000)))
        from marital in Gen.Frequency((5, Gen.Const(MaritalStatus.NeverMarried)), (2, Gen.Const(MaritalStatus.Married)), (1, Gen.Const(MaritalStatus.Divorced)), (1, Gen.Const(MaritalStatus.Widowed)))
        from life in Gen.Frequency((6, Gen.Const(LifeStatus.Alive)), (2, Gen.Const(LifeStatus.Deceased)), (1, Gen.Const(LifeStatus.MovedAbroad)))
        from lifeDate in Gen.Frequency((life == LifeStatus.Alive ? 12 : 1, Gen.Const((LocalDate?)null)), (3, Near(asOf, 3)), (1, Near(asOf, 5000)))
        from status in Gen.Int[1, 14]
        from recording in Gen.Frequency((1, Gen.Const((LocalDate?)null)), (2, Near(asOf, 3)), (2, Near(asOf, 4000)))
        from certificate in Gen.Bool
        from kia in Gen.Bool
        from serial in Gen.Int[1, 9999]
        select new ResidentRow
        {
            Nik = Nik.Create(Villages[village].Parent, birth, (Sex)sex, serial),
            Domicile = Villages[village],
            BirthDate = birth,
            Sex = (Sex)sex,
            Citizenship = citizenship,
            PermitExpiry = citizenship == Citizenship.Wni && permit is not null && serial % 4 != 0 ? null : permit,
            MaritalStatus = marital,
            LifeStatus = life,
            LifeStatusDate = lifeDate,
            RecordingStatus = (KtpElStatus)status,
            RecordingDate = recording,
            HasBirthCertificate = certificate,
            HasKia = kia,
        };

    /// <summary>Birth dates on and around the 16th, 17th and 18th birthdays, on 29 February, after the as-of date, and anywhere.</summary>
    public static Gen<LocalDate> BirthDate(LocalDate asOf) => Gen.Frequency(
        (6, from years in Gen.Int[0, 3].Select(i => i == 0 ? 0 : 15 + i) from days in Gen.Int[-2, 2] select Clamp(asOf.PlusYears(-years).PlusDays(days))),
        (2, from year in Gen.Int[1990, 2020] select new LocalDate(year, 2, DateTimeDaysInFebruary(year))),
        (1, from days in Gen.Int[1, 400] select Clamp(asOf.PlusDays(days))),
        (3, from days in Gen.Int[0, 65_000] select PopulationTable.MinSupportedDate.PlusDays(days)));

    public static List<Resident> ToResidents(IEnumerable<ResidentRow> rows) => [.. rows.Select(r => r.ToResident())];

    private static Gen<LocalDate?> Near(LocalDate asOf, int days) => Gen.Int[-days, days].Select(d => (LocalDate?)Clamp(asOf.PlusDays(d)));

    private static LocalDate Clamp(LocalDate date) =>
        date < PopulationTable.MinSupportedDate ? PopulationTable.MinSupportedDate
        : date > PopulationTable.MaxSupportedDate ? PopulationTable.MaxSupportedDate
        : date;

    private static int DateTimeDaysInFebruary(int year) => CalendarSystem.Iso.GetDaysInMonth(year, 2);
}

/// <summary>Asserts that two per-region results are equal, naming the first region and field that differ.</summary>
internal static class CountsAssert
{
    public static void Equal(IReadOnlyDictionary<RegionCode, CoverageCounts> expected, IReadOnlyDictionary<RegionCode, CoverageCounts> actual, string context)
    {
        Assert.True(
            expected.Keys.OrderBy(k => k).SequenceEqual(actual.Keys.OrderBy(k => k)),
            $"{context}: regions differ: expected [{string.Join(", ", expected.Keys.OrderBy(k => k))}], got [{string.Join(", ", actual.Keys.OrderBy(k => k))}]");
        foreach (var (region, counts) in expected)
        {
            if (counts != actual[region])
            {
                Assert.Fail($"{context}, region {region}:\nexpected {counts}\nactual   {actual[region]}");
            }
        }
    }
}
