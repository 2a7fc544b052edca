using CsCheck;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Coverage;

/// <summary>Shared fixtures: a small catalog (names from idn-area-data) and random residents.</summary>
internal static class CoverageTestData
{
    public static readonly RegionCode Kaltim = RegionCode.Province(64);
    public static readonly RegionCode Kaltara = RegionCode.Province(65);
    public static readonly RegionCode Ppu = RegionCode.Regency(64, 9);
    public static readonly RegionCode Samarinda = RegionCode.Regency(64, 72);
    public static readonly RegionCode Bontang = RegionCode.Regency(64, 74);
    public static readonly RegionCode Palaran = RegionCode.District(64, 72, 1);
    public static readonly RegionCode RawaMakmur = RegionCode.Village(64, 72, 1, 1001);

    /// <summary>The villages residents are drawn from: two provinces, three regencies, four districts.</summary>
    public static readonly RegionCode[] Villages =
    [
        RegionCode.Village(64, 72, 1, 1001), RegionCode.Village(64, 72, 1, 1002), RegionCode.Village(64, 72, 2, 1001),
        RegionCode.Village(64, 74, 1, 1001), RegionCode.Village(64, 74, 1, 1002), RegionCode.Village(64, 74, 2, 1001),
        RegionCode.Village(65, 1, 1, 1001), RegionCode.Village(65, 1, 1, 1002),
    ];

    /// <summary>Kalimantan Timur's ten regencies/cities (DOMAIN rule 3), some districts and villages, and a corner of Kalimantan Utara.</summary>
    public static RegionCatalog Catalog { get; } = new(
    [
        new(Kaltim, "Kalimantan Timur"),
        new(RegionCode.Regency(64, 1), "Kabupaten Paser"),
        new(RegionCode.Regency(64, 2), "Kabupaten Kutai Kartanegara"),
        new(RegionCode.Regency(64, 3), "Kabupaten Berau"),
        new(RegionCode.Regency(64, 7), "Kabupaten Kutai Barat"),
        new(RegionCode.Regency(64, 8), "Kabupaten Kutai Timur"),
        new(Ppu, "Kabupaten Penajam Paser Utara"),
        new(RegionCode.Regency(64, 11), "Kabupaten Mahakam Ulu"),
        new(RegionCode.Regency(64, 71), "Kota Balikpapan"),
        new(Samarinda, "Kota Samarinda"),
        new(Bontang, "Kota Bontang"),
        new(Palaran, "Palaran"),
        new(RegionCode.District(64, 72, 2), "Samarinda Seberang"),
        new(RegionCode.District(64, 74, 1), "Bontang Utara"),
        new(RegionCode.District(64, 74, 2), "Bontang Selatan"),
        new(RawaMakmur, "Rawa Makmur"),
        new(RegionCode.Village(64, 72, 1, 1002), "Handil Bakti"),
        new(RegionCode.Village(64, 74, 1, 1001), "Bontang Kuala"),
        new(RegionCode.Village(64, 74, 1, 1002), "Bontang Baru"),
        new(RegionCode.Village(64, 74, 2, 1001), "Tanjung Laut"),
        new(Kaltara, "Kalimantan Utara"),
        new(RegionCode.Regency(65, 1), "Kabupaten Bulungan"),
        new(RegionCode.District(65, 1, 1), "Tanjung Palas"),
        new(RegionCode.Village(65, 1, 1, 1001), "Tanjung Palas Hulu"),
        new(RegionCode.Village(65, 1, 1, 1002), "Tanjung Palas Tengah"),
    ]);

    public static readonly LocalDate AsOf = new(2024, 6, 30);

    /// <summary>A resident with the fields coverage depends on; the NIK is derived from the domicile, birth date and serial.</summary>
    public static Resident Resident(
        RegionCode village,
        LocalDate birthDate,
        int serial = 1,
        MaritalStatus marital = MaritalStatus.NeverMarried,
        KtpElStatus status = KtpElStatus.Unregistered,
        bool birthCertificate = false,
        bool kia = false,
        Citizenship citizenship = Citizenship.Wni,
        LifeStatus life = LifeStatus.Alive) => new()
        {
            Nik = Nik.Create(village.ToLevel(RegionLevel.District), birthDate, Sex.Female, serial),
            BirthDate = birthDate,
            Sex = Sex.Female,
            Citizenship = citizenship,
            MaritalStatus = marital,
            LifeStatus = life,
            Domicile = village,
            RecordingStatus = status,
            HasBirthCertificate = birthCertificate,
            HasKia = kia,
        };

    /// <summary>Random residents over <see cref="Villages"/>, aged 0 to 40 on <see cref="AsOf"/> (some born after it), in every state.</summary>
    public static Gen<Resident[]> Residents { get; } =
        Gen.Select(
            Gen.Int[0, Villages.Length - 1],
            Gen.Int[-30, 40 * 366],
            Gen.Int[1, 14],
            Gen.Int[0, 15],
            Gen.Int[0, 63],
            (village, daysOld, status, state, flags) => Resident(
                Villages[village],
                AsOf.PlusDays(-daysOld),
                serial: 1 + (flags * 16) + state,
                marital: (MaritalStatus)(1 + (state % 4)),
                status: (KtpElStatus)status,
                birthCertificate: (flags & 1) != 0,
                kia: (flags & 2) != 0,
                citizenship: (Citizenship)(1 + (state / 4 % 3)),
                life: (flags & 12) == 12 ? LifeStatus.Deceased : LifeStatus.Alive))
        .Array[0, 120];
}
