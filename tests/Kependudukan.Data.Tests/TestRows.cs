using System.Globalization;
using System.Text;
using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using NodaTime.Text;

namespace Kependudukan.Data.Tests;

/// <summary>Valid resident rows for tests, and a CSV formatter written independently of the library's writer.</summary>
internal static class TestRows
{
    internal const string Header =
        "nik,domicile,birth_date,sex,citizenship,permit_expiry,marital_status,life_status,life_status_date,ktp_status,recording_date,birth_certificate,kia";

    internal static readonly LocalDate AsOf = new(2025, 6, 30);

    private static readonly LocalDatePattern s_iso = LocalDatePattern.Iso;

    /// <summary>A valid row whose NIK agrees with its birth date and sex.</summary>
    internal static readonly Gen<ResidentRow> Row =
        from province in Gen.OneOf(11, 31, 64, 65, 94)
        from regency in Gen.Int[1, 3]
        from district in Gen.Int[1, 20]
        from village in Gen.Int[1001, 1030]
        from birthDays in Gen.Int[0, 34_000]
        from female in Gen.Bool
        from serial in Gen.Int[1, 9999]
        from hasNik in Gen.Int[0, 9]
        from citizenship in Gen.Int[1, 3]
        from marital in Gen.Int[1, 4]
        from life in Gen.Int[1, 3]
        from ktp in Gen.Int[1, 14]
        from offsets in Gen.Int[0, 4000].Array[3]
        from flags in Gen.Bool.Array[5]
        select Create(province, regency, district, village, birthDays, female, serial, hasNik > 0, citizenship, marital, life, ktp, offsets, flags);

    /// <summary>Rows with distinct NIKs, from a fixed seed.</summary>
    internal static List<ResidentRow> Sample(int count, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<Nik>();
        var rows = new List<ResidentRow>(count);
        while (rows.Count < count)
        {
            var offsets = new[] { random.Next(4001), random.Next(4001), random.Next(4001) };
            var flags = new[] { random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1 };
            var row = Create(random.Next(2) == 0 ? 64 : 65, random.Next(1, 4), random.Next(1, 21), random.Next(1001, 1031), random.Next(34_001),
                random.Next(2) == 1, random.Next(1, 10_000), random.Next(10) > 0, random.Next(1, 4), random.Next(1, 5), random.Next(1, 4),
                random.Next(1, 15), offsets, flags);
            if (row.Nik == default || seen.Add(row.Nik))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    internal static List<ResidentRow> DistinctNiks(IEnumerable<ResidentRow> rows)
    {
        var seen = new HashSet<Nik>();
        return [.. rows.Where(r => r.Nik == default || seen.Add(r.Nik))];
    }

    /// <summary>Formats rows as CSV with NodaTime's ISO pattern and hand-written code tables; <paramref name="variant"/> picks
    /// alternative spellings the schema accepts.</summary>
    internal static string ToCsv(IEnumerable<ResidentRow> rows, bool variant = false, string newLine = "\n")
    {
        var text = new StringBuilder(Header).Append(newLine);
        var i = 0;
        foreach (var row in rows)
        {
            var alt = variant && i++ % 2 == 1;
            string[] cells =
            [
                row.Nik == default ? string.Empty : row.Nik.ToString(),
                alt ? row.Domicile.ToString("N", null) : row.Domicile.ToString(),
                s_iso.Format(row.BirthDate),
                row.Sex == Sex.Male ? (alt ? "male" : "L") : (alt ? "F" : "P"),
                row.Citizenship switch { Citizenship.Wni => alt ? "wni" : "WNI", Citizenship.ForeignerWithItap => alt ? "KITAP" : "ITAP", _ => "ITAS" },
                Date(row.PermitExpiry),
                alt ? row.MaritalStatus switch { MaritalStatus.NeverMarried => "never married", MaritalStatus.Married => "Married", MaritalStatus.Divorced => "divorced", _ => "widowed" }
                    : row.MaritalStatus switch { MaritalStatus.NeverMarried => "belum kawin", MaritalStatus.Married => "kawin", MaritalStatus.Divorced => "cerai hidup", _ => "cerai mati" },
                alt ? row.LifeStatus switch { LifeStatus.Alive => "alive", LifeStatus.Deceased => "deceased", _ => "moved_abroad" }
                    : row.LifeStatus switch { LifeStatus.Alive => "hidup", LifeStatus.Deceased => "mati", _ => "pindah luar negeri" },
                Date(row.LifeStatusDate),
                KtpName(row.RecordingStatus, alt),
                Date(row.RecordingDate),
                row.HasBirthCertificate ? (alt ? "ya" : "1") : (alt ? "tidak" : "0"),
                row.HasKia ? (alt ? "true" : "1") : (alt ? "false" : "0"),
            ];
            text.AppendJoin(',', cells).Append(newLine);
        }

        return text.ToString();
    }

    internal static string Date(LocalDate? date) => date is { } d ? s_iso.Format(d) : string.Empty;

    internal static void AssertSameRows(IReadOnlyList<ResidentRow> expected, PopulationTable table)
    {
        Assert.Equal(expected.Count, table.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Plain equality first: the assertion's comparer is slow on hundreds of thousands of rows.
            if (expected[i] != table.GetRow(i))
            {
                Assert.Equal(expected[i], table.GetRow(i));
            }
        }
    }

    internal static List<ResidentRow> ToList(PopulationTable table) => [.. Enumerable.Range(0, table.Count).Select(table.GetRow)];

    /// <summary>The identity every load must keep.</summary>
    internal static LoadSummary AssertCounts(LoadSummary summary)
    {
        Assert.Equal(summary.RowsRead, summary.RowsAccepted + summary.RowsRejected);
        Assert.True(summary.RowsAccepted >= 0 && summary.RowsRejected >= 0);
        return summary;
    }

    private static string KtpName(KtpElStatus status, bool alt)
    {
        var name = status switch
        {
            KtpElStatus.Unregistered => "UNREGISTERED",
            KtpElStatus.BioCaptured => "BIO_CAPTURED",
            KtpElStatus.Processing => "PROCESSING",
            KtpElStatus.SentForEnrollment => "SENT_FOR_ENROLLMENT",
            KtpElStatus.ReceivedAtCentral => "RECEIVED_AT_CENTRAL",
            KtpElStatus.PrintReadyRecord => "PRINT_READY_RECORD",
            KtpElStatus.SentForCardPrinting => "SENT_FOR_CARD_PRINTING",
            KtpElStatus.CardPrinted => "CARD_PRINTED",
            KtpElStatus.CardShipped => "CARD_SHIPPED",
            KtpElStatus.CardIssued => "CARD_ISSUED",
            KtpElStatus.EnrollFailureAtCentral => "ENROLL_FAILURE_AT_CENTRAL",
            KtpElStatus.SearchFailureAtCentral => "SEARCH_FAILURE_AT_CENTRAL",
            KtpElStatus.EnrollFailureAtRegional => "ENROLL_FAILURE_AT_REGIONAL",
            _ => "DUPLICATE_RECORD",
        };
        if (!alt)
        {
            return name;
        }

        // Village-system codes where one exists (OpenSID: 3 sudah rekam, 4 card printed, 5 PRR, 6 shipped, 7 sent for printing, 8 issued).
        return status switch
        {
            KtpElStatus.BioCaptured => "3",
            KtpElStatus.CardPrinted => "4",
            KtpElStatus.PrintReadyRecord => "5",
            KtpElStatus.CardShipped => "6",
            KtpElStatus.SentForCardPrinting => "7",
            KtpElStatus.CardIssued => "8",
            _ => name.ToLowerInvariant().Replace('_', ' '),
        };
    }

    private static ResidentRow Create(int province, int regency, int district, int village, int birthDays, bool female, int serial, bool hasNik,
        int citizenship, int marital, int life, int ktp, int[] offsets, bool[] flags)
    {
        var birth = new LocalDate(1930, 1, 1).PlusDays(birthDays);
        var sex = female ? Sex.Female : Sex.Male;
        var domicile = RegionCode.Village(province, regency, district, village);
        var lifeStatus = (LifeStatus)life;
        return new ResidentRow
        {
            Nik = hasNik ? Nik.Create(domicile.ToLevel(RegionLevel.District), birth, sex, serial) : default,
            Domicile = domicile,
            BirthDate = birth,
            Sex = sex,
            Citizenship = (Citizenship)citizenship,
            PermitExpiry = citizenship == 2 && flags[0] ? birth.PlusDays(7000 + offsets[0]) : null,
            MaritalStatus = (MaritalStatus)marital,
            LifeStatus = lifeStatus,
            LifeStatusDate = lifeStatus != LifeStatus.Alive && flags[1] ? birth.PlusDays(offsets[1] * 3) : null,
            RecordingStatus = (KtpElStatus)ktp,
            RecordingDate = ktp > 1 && flags[2] ? birth.PlusDays(6000 + offsets[2]) : null,
            HasBirthCertificate = flags[3],
            HasKia = flags[4],
        };
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;
}
