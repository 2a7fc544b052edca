using Kependudukan;
using Kependudukan.Eligibility;
using Kependudukan.Identity;
using Kependudukan.Regions;
using NodaTime;

// A resident of Samarinda, born 1 January 2009, recorded in SIAK with a NIK issued in Samarinda Ulu.
var nik = Nik.Parse("6472014101090001");
Console.WriteLine($"NIK (masked): {nik.ToMaskedString()}");
Console.WriteLine($"Registered in district {nik.RegistrationDistrict}, sex {nik.Sex}, born {nik.ResolveBirthDate(new LocalDate(2026, 1, 1)):uuuu-MM-dd}");

var resident = new Resident
{
    Nik = nik,
    BirthDate = new LocalDate(2009, 1, 1),
    Sex = Sex.Female,
    Citizenship = Citizenship.Wni,
    MaritalStatus = MaritalStatus.NeverMarried,
    Domicile = RegionCode.Parse("64.72.01.1001"),
};

foreach (var asOf in new[] { new LocalDate(2025, 12, 31), new LocalDate(2026, 1, 1) })
{
    Console.WriteLine(KtpEligibilityPolicy.Default.Evaluate(resident, asOf).Explain());
}
