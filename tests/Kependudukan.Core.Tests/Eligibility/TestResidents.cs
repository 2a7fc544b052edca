using Kependudukan.Identity;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Eligibility;

/// <summary>Builds valid residents for tests: a WNI, never married, alive, domiciled in a Samarinda village.</summary>
internal static class TestResidents
{
    internal static readonly RegionCode Village = RegionCode.Village(64, 72, 1, 1001);

    internal static Resident Born(LocalDate birthDate, MaritalStatus maritalStatus = MaritalStatus.NeverMarried, Citizenship citizenship = Citizenship.Wni) =>
        new()
        {
            Nik = Nik.Create(Village.Parent, birthDate, Sex.Female, 1),
            BirthDate = birthDate,
            Sex = Sex.Female,
            Citizenship = citizenship,
            MaritalStatus = maritalStatus,
            Domicile = Village,
        };

    internal static LocalDate D(int year, int month, int day) => new(year, month, day);
}
