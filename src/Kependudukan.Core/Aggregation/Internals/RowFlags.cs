using Kependudukan.Recording;

namespace Kependudukan.Aggregation.Internals;

/// <summary>The 16-bit flags column of a <see cref="PopulationTable"/>: every class and flag of one resident.</summary>
/// <remarks>
/// <para>Bits 0-3 hold the <see cref="KtpElStatus"/> (1-14), so a byte shuffle maps them to coverage categories;
/// bit 4 the birth certificate, bit 5 the KIA, bit 6 female, bits 7-8 citizenship − 1, bits 9-10 marital status − 1,
/// bits 11-12 life status − 1.</para>
/// <para>Bits 14 and 15 repeat what the kernels test most, at positions an arithmetic shift turns into a lane mask:
/// bit 14 is set for a resident who is or was married, bit 15 for a WNI or ITAP holder (citizenship that can make a
/// resident wajib KTP). Bit 13 is always clear.</para>
/// </remarks>
internal static class RowFlags
{
    public const int StatusMask = 0x000F;
    public const int BirthCertificate = 1 << 4;
    public const int Kia = 1 << 5;
    public const int Female = 1 << 6;
    public const int CitizenshipShift = 7;
    public const int MaritalShift = 9;
    public const int LifeShift = 11;
    public const int EverMarried = 1 << 14;
    public const int EligibleCitizen = 1 << 15;

    /// <summary>Bit positions, counted from the top, for <c>(short)(flags &lt;&lt; n) &gt;&gt; 15</c> masks.</summary>
    public const int EverMarriedShiftUp = 1;
    public const int KiaShiftUp = 10;
    public const int BirthCertificateShiftUp = 11;

    public static ushort Pack(in ResidentRow row) =>
        Pack(row.RecordingStatus, row.HasBirthCertificate, row.HasKia, row.Sex, row.Citizenship, row.MaritalStatus, row.LifeStatus);

    /// <summary>Packs a resident's classes and flags; every enum value must be defined and not <c>None</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ushort Pack(KtpElStatus status, bool birthCertificate, bool kia, Sex sex, Citizenship citizenship, MaritalStatus marital, LifeStatus life)
    {
        var flags = (int)status
            | (birthCertificate ? BirthCertificate : 0)
            | (kia ? Kia : 0)
            | (sex == Sex.Female ? Female : 0)
            | (((int)citizenship - 1) << CitizenshipShift)
            | (((int)marital - 1) << MaritalShift)
            | (((int)life - 1) << LifeShift)
            | (marital != MaritalStatus.NeverMarried ? EverMarried : 0)
            | (citizenship != Citizenship.ForeignerWithItas ? EligibleCitizen : 0);
        return (ushort)flags;
    }

    public static KtpElStatus GetStatus(ushort flags) => (KtpElStatus)(flags & StatusMask);

    public static Citizenship GetCitizenship(ushort flags) => (Citizenship)(((flags >> CitizenshipShift) & 3) + 1);

    public static MaritalStatus GetMaritalStatus(ushort flags) => (MaritalStatus)(((flags >> MaritalShift) & 3) + 1);

    public static LifeStatus GetLifeStatus(ushort flags) => (LifeStatus)(((flags >> LifeShift) & 3) + 1);

    public static Sex GetSex(ushort flags) => (flags & Female) != 0 ? Kependudukan.Sex.Female : Kependudukan.Sex.Male;

    public static bool IsEligibleCitizen(ushort flags) => (flags & EligibleCitizen) != 0;

    public static bool IsEverMarried(ushort flags) => (flags & EverMarried) != 0;

    public static bool HasBirthCertificate(ushort flags) => (flags & BirthCertificate) != 0;

    public static bool HasKia(ushort flags) => (flags & Kia) != 0;
}
