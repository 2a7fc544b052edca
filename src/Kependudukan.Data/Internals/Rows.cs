using System.Runtime.CompilerServices;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Data.Internals;

/// <summary>Creates the rows readers read and enumerates the rows writers write.</summary>
internal static class Rows
{
    /// <summary>Creates a row from the values of its cells, in schema order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ResidentRow Create(Nik nik, RegionCode domicile, LocalDate birthDate, Sex sex, Citizenship citizenship, LocalDate? permitExpiry,
        MaritalStatus marital, LifeStatus life, LocalDate? lifeStatusDate, KtpElStatus ktp, LocalDate? recordingDate, bool certificate, bool kia) =>
        new()
        {
            Nik = nik,
            Domicile = domicile,
            BirthDate = birthDate,
            Sex = sex,
            Citizenship = citizenship,
            PermitExpiry = permitExpiry,
            MaritalStatus = marital,
            LifeStatus = life,
            LifeStatusDate = lifeStatusDate,
            RecordingStatus = ktp,
            RecordingDate = recordingDate,
            HasBirthCertificate = certificate,
            HasKia = kia,
        };

    internal static IEnumerable<ResidentRow> Of(PopulationTable table)
    {
        var count = table.Count;
        for (var i = 0; i < count; i++)
        {
            yield return table.GetRow(i);
        }
    }

    internal static IEnumerable<ResidentRow> Of(IEnumerable<Resident> residents)
    {
        foreach (var resident in residents)
        {
            yield return ResidentRow.FromResident(resident);
        }
    }
}
