using System.Text.Json;
using CsCheck;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Tests.Coverage.CoverageTestData;

namespace Kependudukan.Tests.Coverage;

public class CoverageReportExportTests
{
    private static CoverageReport KaltimReport() =>
        CoverageReport.Create(CoverageReportTests.KaltimRegencies(), AsOf, RegionLevel.Regency, Catalog, new DateInterval(new LocalDate(2024, 1, 1), AsOf));

    [Fact]
    public void FromJson_RandomPopulations_RoundTrips() =>
        Gen.Select(Residents, Gen.Int[1, 4], Gen.Bool).Sample((residents, level, indonesian) =>
        {
            var report = CoverageReport.FromResidents(residents, AsOf, (RegionLevel)level, Catalog, newlyWajibKtpInterval: new DateInterval(AsOf.PlusDays(-180), AsOf));
            var options = new CoverageExportOptions
            {
                Language = indonesian ? LabelLanguage.Indonesian : LabelLanguage.English,
                IndentJson = !indonesian,
                Rounding = indonesian ? PercentRounding.Truncate : PercentRounding.HalfAwayFromZero,
            };
            var json = report.ToJson(options);
            var read = CoverageReport.FromJson(json);
            Assert.Equal(report, read);
            Assert.Equal(report.Rows.Select(r => r.Name), read.Rows.Select(r => r.Name));
            Assert.Equal(json, read.ToJson(options));
        }, iter: 40);

    [Fact]
    public void ReadJson_Stream_RoundTripsWithoutCatalogOrInterval()
    {
        var report = CoverageReport.Create(CoverageReportTests.KaltimRegencies(), AsOf, RegionLevel.Regency);
        using var stream = new MemoryStream();
        report.WriteJson(stream);
        stream.Position = 0;
        var read = CoverageReport.ReadJson(stream);
        Assert.Equal(report, read);
        Assert.Null(read.NewlyWajibKtpInterval);
        Assert.All(read.Rows, r => Assert.Null(r.Name));
    }

    [Fact]
    public void ToJson_Schema_HasIsoDatesAndExactRatios()
    {
        using var document = JsonDocument.Parse(KaltimReport().ToJson());
        var root = document.RootElement;
        Assert.Equal("kependudukan.coverage-report/1", root.GetProperty("schema").GetString());
        Assert.Equal("2024-06-30", root.GetProperty("as_of").GetString());
        Assert.Equal("regency", root.GetProperty("level").GetString());
        Assert.Equal("2024-01-01", root.GetProperty("newly_wajib_ktp_interval").GetProperty("start").GetString());
        Assert.Equal("2024-06-30", root.GetProperty("newly_wajib_ktp_interval").GetProperty("end").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal(2, root.GetProperty("percent_decimals").GetInt32());
        Assert.Equal("half_away_from_zero", root.GetProperty("percent_rounding").GetString());
        Assert.Equal("KTP-el recording coverage", root.GetProperty("labels").GetProperty("recording_coverage").GetString());

        var rows = root.GetProperty("rows");
        Assert.Equal(12, rows.GetArrayLength());
        var nation = rows[0];
        Assert.Equal("nation", nation.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, nation.GetProperty("code").ValueKind);
        var province = rows[1];
        Assert.Equal("64", province.GetProperty("code").GetString());
        Assert.Equal("Kalimantan Timur", province.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, province.GetProperty("parent_code").ValueKind);
        Assert.Equal(2_197_959, province.GetProperty("counts").GetProperty("wajib_ktp").GetInt64());
        Assert.Equal(281_860, province.GetProperty("counts").GetProperty("not_recorded").GetInt64());
        var recording = province.GetProperty("ratios").GetProperty("recording_coverage");
        Assert.Equal(1_916_099, recording.GetProperty("numerator").GetInt64());
        Assert.Equal(2_197_959, recording.GetProperty("denominator").GetInt64());
        Assert.Equal("87.18", recording.GetProperty("percent").GetRawText());
        Assert.Equal(JsonValueKind.Null, province.GetProperty("ratios").GetProperty("kia_coverage").GetProperty("percent").ValueKind);
        Assert.Equal(0, province.GetProperty("suppressed").GetArrayLength());
        Assert.Equal("64", rows[2].GetProperty("parent_code").GetString());
    }

    [Fact]
    public void ToJson_IndonesianTruncated_UsesOptions()
    {
        var options = new CoverageExportOptions { Language = LabelLanguage.Indonesian, Rounding = PercentRounding.Truncate, PercentDecimals = 3, IndentJson = false };
        var json = KaltimReport().ToJson(options);
        Assert.DoesNotContain('\n', json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("id", root.GetProperty("language").GetString());
        Assert.Equal("truncate", root.GetProperty("percent_rounding").GetString());
        Assert.Equal("Cakupan perekaman KTP-el", root.GetProperty("labels").GetProperty("recording_coverage").GetString());
        Assert.Equal("87.176", root.GetProperty("rows")[1].GetProperty("ratios").GetProperty("recording_coverage").GetProperty("percent").GetRawText());
    }

    [Fact]
    public void ToJson_Suppression_WritesNullAndListsCells()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts>
        {
            [RawaMakmur] = new() { Population = 40, WajibKtp = 30, WajibKtpByAge = 30, Recorded = 27, Children = 10, ChildrenWithBirthCertificate = 9 },
        };
        var report = CoverageReport.Create(counts, AsOf, RegionLevel.Village);
        var json = report.ToJson(new CoverageExportOptions { Suppression = new SuppressionOptions(10) });
        using var document = JsonDocument.Parse(json);
        var village = document.RootElement.GetProperty("rows")[4];
        Assert.Equal("64.72.01.1001", village.GetProperty("code").GetString());
        Assert.Equal(10, document.RootElement.GetProperty("suppression_threshold").GetInt32());
        Assert.Equal(JsonValueKind.Null, village.GetProperty("counts").GetProperty("not_recorded").ValueKind);
        Assert.Equal(JsonValueKind.Null, village.GetProperty("counts").GetProperty("children_with_birth_certificate").ValueKind);
        Assert.Equal(10, village.GetProperty("counts").GetProperty("children").GetInt64());
        Assert.Equal(JsonValueKind.Null, village.GetProperty("ratios").GetProperty("birth_certificate_coverage").ValueKind);
        Assert.Equal(27, village.GetProperty("ratios").GetProperty("recording_coverage").GetProperty("numerator").GetInt64());
        var suppressed = village.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("not_recorded", suppressed);
        Assert.Contains("children_with_birth_certificate", suppressed);
        Assert.Contains("birth_certificate_coverage", suppressed);
        Assert.DoesNotContain("children", suppressed);
        Assert.DoesNotContain("recording_coverage", suppressed);

        var error = Assert.Throws<JsonException>(() => CoverageReport.FromJson(json));
        Assert.Contains("a suppressed export cannot be read back into a report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_InconsistentOrForeignDocuments_Throw()
    {
        var json = KaltimReport().ToJson();
        var tampered = json.Replace("\"wajib_ktp\": 2197959", "\"wajib_ktp\": 2197960", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        var error = Assert.Throws<JsonException>(() => CoverageReport.FromJson(tampered));
        Assert.Equal("Count \"wajib_ktp\" of row National disagrees with the roll-up of the rows below it.", error.Message);

        Assert.Throws<JsonException>(() => CoverageReport.FromJson(json.Replace("coverage-report/1", "coverage-report/2", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => CoverageReport.FromJson(json.Replace("\"level\": \"regency\",\n  \"newly", "\"level\": \"kabupaten\",\n  \"newly", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => CoverageReport.FromJson("null"));
        Assert.Throws<JsonException>(() => CoverageReport.FromJson("{}"));
        Assert.Throws<JsonException>(() => CoverageReport.FromJson(json.Replace("\"as_of\": \"2024-06-30\"", "\"as_of\": \"30/06/2024\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToCsv_Header_IsTheDocumentedColumnList()
    {
        var lines = KaltimReport().ToCsv().Split("\r\n");
        Assert.Equal(
            "as_of,level,code,name,parent_code,population,wajib_ktp,wajib_ktp_by_age,wajib_ktp_by_marriage,recorded,not_recorded,print_ready,printed," +
            "recording_failed,duplicates,children,children_with_birth_certificate,children_under_17,children_under_17_with_kia,may_record_early," +
            "newly_wajib_ktp,recording_coverage_percent,printing_coverage_of_recorded_percent,printing_coverage_of_wajib_ktp_percent," +
            "birth_certificate_coverage_percent,kia_coverage_percent,suppressed",
            lines[0]);
        Assert.Equal(14, lines.Length); // header, 12 rows, and the empty string after the final CRLF
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal("2024-06-30,province,64,Kalimantan Timur,,3287959,2197959,2197959,0,1916099,281860,0,0,0,0,1090000,767000,0,0,0,0,87.18,0.00,0.00,70.37,,", lines[2]);
        Assert.StartsWith("2024-06-30,nation,,,,3287959,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2024-06-30,regency,64.09,Kabupaten Penajam Paser Utara,64,160000,105000,", lines[8], StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_IndonesianLabels_AndTruncation()
    {
        var csv = KaltimReport().ToCsv(new CoverageExportOptions { Language = LabelLanguage.Indonesian, CsvHeader = CsvHeaderStyle.Labels, Rounding = PercentRounding.Truncate });
        var lines = csv.Split("\r\n");
        Assert.StartsWith("Per tanggal,Tingkat wilayah,Kode wilayah,Nama wilayah,Kode wilayah induk,Jumlah penduduk,Jumlah wajib KTP,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Cakupan perekaman KTP-el (%),", lines[0], StringComparison.Ordinal);
        Assert.Contains(",87.17,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Suppression_EmptiesCellsAndNamesThem()
    {
        var counts = new Dictionary<RegionCode, CoverageCounts>
        {
            [RawaMakmur] = new() { Population = 40, WajibKtp = 30, WajibKtpByAge = 30, Recorded = 27, Children = 10, ChildrenWithBirthCertificate = 9 },
        };
        var csv = CoverageReport.Create(counts, AsOf, RegionLevel.Village, Catalog).ToCsv(new CoverageExportOptions { Suppression = new SuppressionOptions(10) });
        var village = csv.Split("\r\n")[5];
        Assert.Equal(
            "2024-06-30,village,64.72.01.1001,Rawa Makmur,64.72.01,40,30,30,,27,,,,,,10,,,,,,90.00,,,,," +
            "wajib_ktp_by_marriage;not_recorded;print_ready;printed;recording_failed;duplicates;children_with_birth_certificate;children_under_17;" +
            "children_under_17_with_kia;may_record_early;newly_wajib_ktp;printing_coverage_of_recorded_percent;printing_coverage_of_wajib_ktp_percent;" +
            "birth_certificate_coverage_percent;kia_coverage_percent",
            village);
    }

    [Fact]
    public void ToCsv_NamesWithSeparators_AreQuoted()
    {
        var catalog = new RegionCatalog([new(Kaltim, "Kalimantan \"Timur\", Borneo"), new(Samarinda, "Kota Samarinda")]);
        var counts = new Dictionary<RegionCode, CoverageCounts> { [Samarinda] = new() { Population = 1 } };
        var lines = CoverageReport.Create(counts, AsOf, RegionLevel.Regency, catalog).ToCsv().Split("\r\n");
        Assert.StartsWith("2024-06-30,province,64,\"Kalimantan \"\"Timur\"\", Borneo\",,1,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NullArguments_Throw()
    {
        var report = KaltimReport();
        Assert.Throws<ArgumentNullException>("utf8Json", () => report.WriteJson(null!));
        Assert.Throws<ArgumentNullException>("writer", () => report.WriteCsv(null!));
        Assert.Throws<ArgumentNullException>("json", () => CoverageReport.FromJson(null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => CoverageReport.ReadJson(null!));
        Assert.Throws<ArgumentOutOfRangeException>("PercentDecimals", () => new CoverageExportOptions { PercentDecimals = 11 });
        Assert.Throws<ArgumentOutOfRangeException>("Language", () => new CoverageExportOptions { Language = LabelLanguage.None });
        Assert.Throws<ArgumentOutOfRangeException>("Rounding", () => new CoverageExportOptions { Rounding = PercentRounding.None });
        Assert.Throws<ArgumentOutOfRangeException>("CsvHeader", () => new CoverageExportOptions { CsvHeader = CsvHeaderStyle.None });
    }
}
