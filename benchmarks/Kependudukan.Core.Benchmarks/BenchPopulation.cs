using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>A deterministic synthetic population for benchmarks: regions shaped like Indonesia's (about 3,000 residents per
/// village, 15 villages per district, 14 districts per regency, 14 regencies per province), ages 0-90, realistic shares of
/// married minors, foreigners, deceased and moved residents, and KTP-el statuses with recording dates.</summary>
/// <remarks>Foreigners hold no permit expiry, so every formulation (including SQL) computes exactly the same counts.</remarks>
internal static class BenchPopulation
{
    public static readonly LocalDate Snapshot = new(2025, 8, 17);

    private const int ResidentsPerVillage = 3000;

    /// <summary>Calls <paramref name="add"/> with each of <paramref name="count"/> rows, in village order.</summary>
    public static void Generate(int count, int seed, Action<ResidentRow> add)
    {
        var random = new Random(seed);
        var villages = Math.Max(1, count / ResidentsPerVillage);
        var epochDays = (int)(Snapshot.ToDateOnly().DayNumber - new DateOnly(1935, 1, 1).DayNumber);
        for (var i = 0; i < count; i++)
        {
            var village = (int)((long)i * villages / count);
            var code = VillageCode(village);
            var birth = Snapshot.PlusDays(-random.Next(epochDays));
            var age = Snapshot.Year - birth.Year;
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var roll = random.Next(1000);
            var citizenship = roll < 997 ? Citizenship.Wni : roll < 999 ? Citizenship.ForeignerWithItap : Citizenship.ForeignerWithItas;
            var marital = age < 17 ? (random.Next(100) == 0 ? MaritalStatus.Married : MaritalStatus.NeverMarried)
                : age < 25 ? (random.Next(100) < 40 ? MaritalStatus.Married : MaritalStatus.NeverMarried)
                : (MaritalStatus)(random.Next(100) switch { < 10 => 1, < 80 => 2, < 90 => 3, _ => 4 });
            roll = random.Next(100);
            var life = roll < 97 ? LifeStatus.Alive : roll < 99 ? LifeStatus.Deceased : LifeStatus.MovedAbroad;
            LocalDate? lifeDate = life == LifeStatus.Alive ? null : Snapshot.PlusDays(-random.Next(3650));
            var status = KtpElStatus.Unregistered;
            LocalDate? recorded = null;
            if (age >= 16 && random.Next(100) < 90)
            {
                status = (KtpElStatus)(random.Next(100) switch { < 10 => 2, < 15 => 5, < 25 => 6, < 60 => 8, < 95 => 10, < 98 => 11, _ => 14 });
                var earliest = birth.PlusYears(16) > new LocalDate(2011, 8, 1) ? birth.PlusYears(16) : new LocalDate(2011, 8, 1);
                var span = Math.Max(1, Snapshot.ToDateOnly().DayNumber - earliest.ToDateOnly().DayNumber);
                recorded = earliest.PlusDays(random.Next(span));
            }

            var child = age < 18;
            add(new ResidentRow
            {
                Nik = Nik.Create(code.Parent, birth, sex, 1 + (i % 9999)),
                Domicile = code,
                BirthDate = birth,
                Sex = sex,
                Citizenship = citizenship,
                MaritalStatus = marital,
                LifeStatus = life,
                LifeStatusDate = lifeDate,
                RecordingStatus = status,
                RecordingDate = recorded,
                HasBirthCertificate = child ? random.Next(100) < 85 : random.Next(100) < 60,
                HasKia = age < 17 && random.Next(100) < 40,
            });
        }
    }

    public static PopulationTable Table(int count, int seed = 42, bool withNik = true)
    {
        var builder = new PopulationTableBuilder(count);
        Generate(count, seed, row => builder.Add(withNik ? row : row with { Nik = default }));
        return builder.Build();
    }

    public static Resident[] Residents(int count, int seed = 42)
    {
        var residents = new Resident[count];
        var i = 0;
        Generate(count, seed, row => residents[i++] = row.ToResident());
        return residents;
    }

    private static RegionCode VillageCode(int village)
    {
        var district = village / 15;
        var regency = district / 14;
        var province = regency / 14;
        return RegionCode.Village(11 + province, 1 + (regency % 14), 1 + (district % 14), 2001 + (village % 15));
    }
}
