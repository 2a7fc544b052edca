using System.Text;
using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static Kependudukan.Data.Tests.TestRows;

namespace Kependudukan.Data.Tests;

public sealed class ResidentCsvTests
{
    // A woman born 1 January 1990 (day 01 + 40) and a man born 17 August 1945, both first registered in 64.72.01.
    private const string WomanNik = "6472014101900001";
    private const string ManNik = "6472011708450002";

    private static readonly ResidentLoadOptions s_quarantine = new() { ErrorPolicy = LoadErrorPolicy.Quarantine };

    private static readonly ResidentRow s_woman = new()
    {
        Nik = Nik.Parse(WomanNik),
        Domicile = RegionCode.Village(64, 72, 1, 1001),
        BirthDate = new LocalDate(1990, 1, 1),
        Sex = Sex.Female,
        Citizenship = Citizenship.Wni,
        MaritalStatus = MaritalStatus.Married,
        LifeStatus = LifeStatus.Alive,
        RecordingStatus = KtpElStatus.CardIssued,
        RecordingDate = new LocalDate(2012, 3, 4),
        HasBirthCertificate = true,
    };

    private static readonly ResidentRow s_man = new()
    {
        Nik = Nik.Parse(ManNik),
        Domicile = RegionCode.Village(64, 72, 1, 1002),
        BirthDate = new LocalDate(1945, 8, 17),
        Sex = Sex.Male,
        Citizenship = Citizenship.Wni,
        MaritalStatus = MaritalStatus.Widowed,
        LifeStatus = LifeStatus.Deceased,
        LifeStatusDate = new LocalDate(2020, 5, 6),
        RecordingStatus = KtpElStatus.CardIssued,
    };

    private static readonly string s_twoRows =
        Header + "\n" +
        WomanNik + ",64.72.01.1001,1990-01-01,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0\n" +
        ManNik + ",6472011002,1945-08-17,L,WNI,,cerai mati,mati,2020-05-06,8,,0,0\n";

    [Fact]
    public void LoadTable_WellFormed_ReadsEveryColumn()
    {
        var result = Load(s_twoRows);

        AssertSameRows([s_woman, s_man], result.Data);
        Assert.Equal(2, result.Summary.RowsRead);
        Assert.Equal(2, result.Summary.RowsAccepted);
        Assert.Empty(result.Summary.Issues);
        Assert.Empty(result.Summary.AbsentColumns);
    }

    [Fact]
    public void LoadTable_ColumnsInAnyOrderAndExtraColumns_MapsByName()
    {
        var csv = "NAMA, Birth_Date ,SEX,domicile,Citizenship,Marital_Status,nik,rt\n" +
                  "Siti Aminah,1990-01-01,P,64.72.01.1001,WNI,kawin," + WomanNik + ",003\n";

        var result = Load(csv);

        var row = Assert.Single(ToList(result.Data));
        Assert.Equal(s_woman with { RecordingDate = null, HasBirthCertificate = false }, row with { RecordingStatus = KtpElStatus.CardIssued });
        Assert.Equal(KtpElStatus.Unregistered, row.RecordingStatus);
    }

    [Fact]
    public void LoadTable_OptionalColumnsAbsent_UsesDefaultsAndReportsThem()
    {
        var result = Load("domicile,birth_date,sex,citizenship,marital_status\n64.72.01.1001,1990-01-01,P,WNI,belum kawin\n");

        var row = Assert.Single(ToList(result.Data));
        Assert.Equal(default, row.Nik);
        Assert.Equal(LifeStatus.Alive, row.LifeStatus);
        Assert.Equal(KtpElStatus.Unregistered, row.RecordingStatus);
        Assert.False(row.HasBirthCertificate);
        Assert.Equal(
            ["nik", "permit_expiry", "life_status", "life_status_date", "ktp_status", "recording_date", "birth_certificate", "kia"],
            result.Summary.AbsentColumns);
    }

    [Theory]
    [InlineData("domicile")]
    [InlineData("birth_date")]
    [InlineData("sex")]
    [InlineData("citizenship")]
    [InlineData("marital_status")]
    public void LoadTable_RequiredColumnMissing_ThrowsNamingIt(string column)
    {
        var header = string.Join(',', Header.Split(',').Where(c => c != column));

        var e = Assert.Throws<ResidentLoadException>(() => Load(header + "\n"));

        Assert.Equal(LoadIssueKind.MissingColumn, e.Issue.Kind);
        Assert.Equal(column, e.Issue.Column);
        Assert.Equal($"The required column {column} is missing.", e.Issue.Problem);
        Assert.Equal(1, e.Issue.Line);
    }

    [Fact]
    public void LoadTable_ColumnTwice_Throws()
    {
        var e = Assert.Throws<ResidentLoadException>(() => Load(Header + ",Sex\n"));

        Assert.Equal(LoadIssueKind.DuplicateColumn, e.Issue.Kind);
        Assert.Equal("sex", e.Issue.Column);
        Assert.Equal("The column sex appears twice (columns 4 and 14).", e.Issue.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\uFEFF")]
    public void LoadTable_EmptyInput_ThrowsMissingHeader(string csv)
    {
        var e = Assert.Throws<ResidentLoadException>(() => Load(csv));

        Assert.Equal(LoadIssueKind.MissingHeader, e.Issue.Kind);
        Assert.StartsWith("The input is empty: expected a header naming the columns domicile, birth_date, sex, citizenship, marital_status", e.Issue.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTable_EmptyFile_ThrowsMissingHeader()
    {
        var path = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<ResidentLoadException>(() => ResidentCsv.LoadTable(path, cancellationToken: Ct));
            Assert.Equal(LoadIssueKind.MissingHeader, e.Issue.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void LoadTable_HeaderOnly_LoadsNoRows(string ending)
    {
        var result = Load(Header + ending);

        Assert.Equal(0, result.Data.Count);
        Assert.Equal(0, result.Summary.RowsRead);
    }

    [Fact]
    public void LoadTable_TruncatedLastLine_RejectsOnlyThatRow()
    {
        var csv = s_twoRows + WomanNik[..^1] + "9,64.72.01.1001,1990-0";

        var result = Load(csv, s_quarantine);

        AssertSameRows([s_woman, s_man], result.Data);
        Assert.Equal(1, result.Summary.RowsRejected);
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal(new LoadIssue(4, string.Empty, LoadIssueKind.FieldCount,
            "The row has 3 fields; the header has 13. Is the line truncated or the separator wrong?", true, string.Empty), issue);
    }

    [Fact]
    public void LoadTable_TruncatedInsideLastField_RejectsTheValue()
    {
        var csv = s_twoRows + WomanNik[..^1] + "9,64.72.01.1001,1990-01-01,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,tr";

        var result = Load(csv, s_quarantine);

        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal((4L, "kia", LoadIssueKind.InvalidValue), (issue.Line, issue.Column, issue.Kind));
        Assert.Equal("647201**********", issue.MaskedNik);
    }

    [Fact]
    public void LoadTable_SemicolonFileWithDefaultSeparator_ThrowsWithHint()
    {
        var csv = s_twoRows.Replace(',', ';');

        var e = Assert.Throws<ResidentLoadException>(() => Load(csv));

        Assert.Equal(LoadIssueKind.MissingColumn, e.Issue.Kind);
        Assert.Equal("domicile", e.Issue.Column);
        Assert.Contains("single column containing ';'", e.Issue.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTable_SemicolonSeparatorOption_LoadsSemicolonFile()
    {
        var result = Load(s_twoRows.Replace(',', ';'), ResidentLoadOptions.Default with { CsvSeparator = ';' });

        AssertSameRows([s_woman, s_man], result.Data);
    }

    [Fact]
    public void LoadTable_SeparatorInsideUnquotedDates_SplitsThemAsRfc4180Says()
    {
        // With '-' as the separator an unquoted date is three cells, on every path; a quoted one is a date.
        var options = s_quarantine with { CsvSeparator = '-' };
        var header = Header.Replace(',', '-') + "\n";

        var unquoted = Load(header + WomanNik + "-64.72.01.1001-1990-01-01-P-WNI--kawin-hidup--CARD_ISSUED-2012-03-04-1-0\n", options);
        var quoted = Load(header + WomanNik + "-64.72.01.1001-\"1990-01-01\"-P-WNI--kawin-hidup--CARD_ISSUED-\"2012-03-04\"-1-0\n", options);

        Assert.Equal((1L, 0L, 1L), (unquoted.Summary.RowsRead, unquoted.Summary.RowsAccepted, unquoted.Summary.RowsRejected));
        Assert.Equal(LoadIssueKind.FieldCount, Assert.Single(unquoted.Summary.Issues).Kind);
        AssertSameRows([s_woman], quoted.Data);
    }

    [Fact]
    public void LoadTable_RowsWithOtherSeparator_RejectedAsFieldCount()
    {
        var csv = Header + "\n" + s_twoRows.Split('\n')[1].Replace(',', ';') + "\n";

        var result = Load(csv, s_quarantine);

        Assert.Equal(LoadIssueKind.FieldCount, Assert.Single(result.Summary.Issues).Kind);
        Assert.Equal(1, result.Summary.RowsRejected);
    }

    [Fact]
    public void LoadTable_ByteOrderMarkInText_Skipped()
    {
        AssertSameRows([s_woman, s_man], Load("\uFEFF" + s_twoRows).Data);
    }

    [Fact]
    public void LoadTable_ByteOrderMarkInFile_Skipped()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, s_twoRows, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

            var result = ResidentCsv.LoadTable(path, cancellationToken: Ct);

            AssertSameRows([s_woman, s_man], result.Data);
            AssertCounts(result.Summary);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadTable_CrLfLineEnds_SameRowsAndLines()
    {
        var csv = s_twoRows.Replace("\n", "\r\n") + "bad\r\n";

        var result = Load(csv, s_quarantine);

        AssertSameRows([s_woman, s_man], result.Data);
        Assert.Equal(4, Assert.Single(result.Summary.Issues).Line);
    }

    [Fact]
    public void LoadTable_QuotedFields_Unescaped()
    {
        var csv = Header + ",catatan\n" +
                  "\"" + WomanNik + "\",\"64.72.01.1001\",1990-01-01,\"P\",WNI,,\"kawin\",hidup,,\"CARD_ISSUED\",2012-03-04,1,0,\"pindah, lalu \"\"kembali\"\"\nke desa\"\n" +
                  ManNik + ",6472011002,1945-08-17,L,WNI,,\"cerai mati\",mati,2020-05-06,8,,0,0,\n" +
                  "x,\"y\n";

        var result = Load(csv, s_quarantine);

        AssertSameRows([s_woman, s_man], result.Data);
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal(5, issue.Line);
    }

    [Fact]
    public void LoadTable_EmptyLines_NotRows()
    {
        var csv = Header + "\n\n" + s_twoRows.Split('\n')[1] + "\n\n\n" + s_twoRows.Split('\n')[2] + "\n\n";

        var result = Load(csv);

        AssertSameRows([s_woman, s_man], result.Data);
        Assert.Equal(2, result.Summary.RowsRead);
    }

    [Fact]
    public void LoadTable_SpacesAroundValues_Trimmed()
    {
        var csv = Header + "\n" + " " + WomanNik + " , 64.72.01.1001 ,1990-01-01 , P ,WNI, , kawin ,hidup,, CARD_ISSUED ,2012-03-04 , 1 , 0\n";

        AssertSameRows([s_woman], Load(csv).Data);
    }

    [Theory]
    [InlineData("nik", "647201410190001", LoadIssueKind.InvalidValue, null)]
    [InlineData("nik", "6472014101900000", LoadIssueKind.InvalidValue, null)]
    [InlineData("domicile", "64.72.01", LoadIssueKind.InvalidValue, "The domicile should be a village code (PP.KK.CC.DDDD); got a code at level District.")]
    [InlineData("domicile", "64.72.01.10A1", LoadIssueKind.InvalidValue, "Expected an ASCII digit at position 12 of the region code.")]
    [InlineData("domicile", "", LoadIssueKind.MissingValue, "The required value domicile is empty.")]
    [InlineData("birth_date", "01-01-1990", LoadIssueKind.InvalidValue, "Expected a date as yyyy-MM-dd (10 characters); got 10 characters.")]
    [InlineData("birth_date", "1990-13-01", LoadIssueKind.InvalidValue, "The month of the date should be in range [01-12].")]
    [InlineData("birth_date", "1990-02-29", LoadIssueKind.InvalidValue, "The day of the date should be in range [01-28] for its month and year.")]
    [InlineData("birth_date", "1990/01/01", LoadIssueKind.InvalidValue, "Expected a date as yyyy-MM-dd (10 characters); got 10 characters.")]
    [InlineData("birth_date", "19900101", LoadIssueKind.InvalidValue, "Expected a date as yyyy-MM-dd (10 characters); got 8 characters.")]
    [InlineData("birth_date", "  ", LoadIssueKind.MissingValue, "The required value birth_date is empty.")]
    [InlineData("sex", "W", LoadIssueKind.InvalidValue, "Expected a sex code: L or P, M or F, male or female, laki-laki or perempuan.")]
    [InlineData("citizenship", "WNA", LoadIssueKind.InvalidValue, "WNA does not say which stay permit the foreigner holds; use ITAP or ITAS.")]
    [InlineData("citizenship", "Indonesia", LoadIssueKind.InvalidValue, "Expected a citizenship code: WNI, ITAP (KITAP) or ITAS (KITAS).")]
    [InlineData("marital_status", "nikah siri", LoadIssueKind.InvalidValue, "Expected a marital status: belum kawin, kawin, cerai hidup, cerai mati (or never married, married, divorced, widowed).")]
    [InlineData("life_status", "hilang", LoadIssueKind.InvalidValue, "Expected a life status: hidup, mati, pindah luar negeri (or alive, deceased, moved abroad).")]
    [InlineData("life_status_date", "2020-5-6", LoadIssueKind.InvalidValue, "Expected a date as yyyy-MM-dd (10 characters); got 8 characters.")]
    [InlineData("ktp_status", "9", LoadIssueKind.InvalidValue, "A village-system KTP-el status code should be in range [1-8].")]
    [InlineData("ktp_status", "PRINTED", LoadIssueKind.InvalidValue, "Expected a SIAK KTP-el status name (for example PRINT_READY_RECORD) or a village-system code 1-8.")]
    [InlineData("recording_date", "2012-03-32", LoadIssueKind.InvalidValue, "The day of the date should be in range [01-31] for its month and year.")]
    [InlineData("permit_expiry", "0000-01-01", LoadIssueKind.InvalidValue, "The year of the date should be in range [0001-9999].")]
    [InlineData("birth_certificate", "2", LoadIssueKind.InvalidValue, "Expected a yes/no value: 1 or 0, true or false, ya or tidak, yes or no.")]
    [InlineData("kia", "belum", LoadIssueKind.InvalidValue, "Expected a yes/no value: 1 or 0, true or false, ya or tidak, yes or no.")]
    public void LoadTable_BadValue_RejectedWithLineColumnAndProblem(string column, string value, LoadIssueKind kind, string? problem)
    {
        // A bad NIK is described by Kependudukan.Core's parser, whose message never contains the input.
        problem ??= NikProblem(value);
        var cells = s_twoRows.Split('\n')[1].Split(',');
        cells[Array.IndexOf(Header.Split(','), column)] = value;
        var csv = s_twoRows + string.Join(',', cells) + "\n";

        var result = Load(csv, s_quarantine);

        AssertSameRows([s_woman, s_man], result.Data);
        var issue = Assert.Single(result.Summary.Issues);
        var masked = column == "nik" ? string.Empty : "647201**********";
        Assert.Equal(new LoadIssue(4, column, kind, problem, true, masked), issue);
        Assert.Equal(1, result.Summary.GetIssueCount(kind));
        if (value.Trim().Length > 3)
        {
            Assert.DoesNotContain(value.Trim(), issue.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LoadTable_SeveralBadValuesInARow_OneIssueEachOneRejectedRow()
    {
        var csv = Header + "\n" + WomanNik + ",64.72,1990-01-01,X,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,maybe\n";

        var result = Load(csv, s_quarantine);

        Assert.Equal(1, result.Summary.RowsRejected);
        Assert.Equal(["domicile", "sex", "kia"], result.Summary.Issues.Select(i => i.Column));
        Assert.All(result.Summary.Issues, i => Assert.Equal((2L, true, "647201**********"), (i.Line, i.Rejected, i.MaskedNik)));
        Assert.Equal(3, result.Summary.GetIssueCount(LoadIssueKind.InvalidValue));
    }

    [Fact]
    public void LoadTable_FailFast_ThrowsAtFirstBadRowWithMaskedNik()
    {
        var csv = s_twoRows + ManNik + ",64.72.01.1001,1945-08-17,Q,WNI,,kawin,hidup,,8,,1,0\n" + s_twoRows.Split('\n')[1] + "\n";

        var e = Assert.Throws<ResidentLoadException>(() => Load(csv));

        Assert.Equal(new LoadIssue(4, "sex", LoadIssueKind.InvalidValue, "Expected a sex code: L or P, M or F, male or female, laki-laki or perempuan.", true,
            "647201**********"), e.Issue);
        Assert.Equal("line 4, sex: InvalidValue (rejected): Expected a sex code: L or P, M or F, male or female, laki-laki or perempuan.", e.Message);
    }

    [Fact]
    public void LoadTable_FailFastDuplicateNik_ThrowsForTheLaterRowWithoutTheNik()
    {
        var csv = s_twoRows + s_twoRows.Split('\n')[2] + "\n" + s_twoRows.Split('\n')[1] + "\n";

        var e = Assert.Throws<ResidentLoadException>(() => Load(csv));

        Assert.Equal(new LoadIssue(4, "nik", LoadIssueKind.DuplicateNik, "The NIK appears in an earlier row of this load.", true, "647201**********"), e.Issue);
        Assert.DoesNotContain(ManNik, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatsAfterBlankRejectedAndMultiLineRows_ReportTheirOwnLines()
    {
        // Lines: 1 header; 2 a woman; 3 blank; 4 a man; 5 the woman with an invalid sex (rejected, so no earlier row for a
        // repeat); 6-7 the woman again, with a note over two lines; 8 the man again; 9 the woman a third time.
        const string Woman = WomanNik + ",64.72.01.1001,1990-01-01,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0";
        const string Man = ManNik + ",6472011002,1945-08-17,L,WNI,,cerai mati,mati,2020-05-06,8,,0,0";
        var csv = Header + ",catatan\n" + Woman + ",\n\n" + Man + ",\n" + Woman.Replace(",P,", ",X,", StringComparison.Ordinal) + ",\n"
            + Woman + ",\"pindah\nke desa\"\n" + Man + ",\n" + Woman + ",\n";
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv);
            var summaries = new[]
            {
                Load(csv, s_quarantine).Summary,
                ResidentCsv.LoadTable(path, s_quarantine with { MaxDegreeOfParallelism = 3, MinPartBytes = 60 }, cancellationToken: Ct).Summary,
                ResidentCsv.LoadResidents(new StringReader(csv), s_quarantine, cancellationToken: Ct).Summary,
            };

            Assert.All(summaries, summary =>
            {
                Assert.Equal((6L, 2L, 4L), (AssertCounts(summary).RowsRead, summary.RowsAccepted, summary.RowsRejected));
                Assert.Equal(
                    [(5L, LoadIssueKind.InvalidValue), (6L, LoadIssueKind.DuplicateNik), (8L, LoadIssueKind.DuplicateNik), (9L, LoadIssueKind.DuplicateNik)],
                    summary.Issues.Select(i => (i.Line, i.Kind)));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadTable_Quarantine_WritesRejectFileWithoutPersonalData()
    {
        using var rejects = new StringWriter();
        var csv = s_twoRows +
                  WomanNik + ",64.72.01.1001,1990-01-01,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0\n" +
                  ManNik.Replace("0002", "0003", StringComparison.Ordinal) + ",64.72.01.1001,1945-08-17,L,WNI,,\"kawin, resmi\",hidup,,8,,1,0\n" +
                  "1234,64.72.01.1001,1945-08-17,L,WNI,,kawin,hidup,,8,,1,0\n" +
                  "short,row\n";

        var result = Load(csv, s_quarantine with { RejectWriter = rejects });

        AssertSameRows([s_woman, s_man], result.Data);
        Assert.Equal((6L, 2L, 4L), (result.Summary.RowsRead, result.Summary.RowsAccepted, result.Summary.RowsRejected));
        Assert.Equal(
            "line,column,kind,problem,masked_nik\n" +
            "5,marital_status,InvalidValue,\"Expected a marital status: belum kawin, kawin, cerai hidup, cerai mati (or never married, married, divorced, widowed).\",647201**********\n" +
            "6,nik,InvalidValue," + NikProblem("1234") + ",\n" +
            "7,,FieldCount,The row has 2 fields; the header has 13. Is the line truncated or the separator wrong?,\n" +
            "4,nik,DuplicateNik,The NIK appears in an earlier row of this load.,647201**********\n",
            rejects.ToString());
        Assert.DoesNotContain(WomanNik, rejects.ToString(), StringComparison.Ordinal);
        Assert.Equal([4L, 5L, 6L, 7L], result.Summary.Issues.Select(i => i.Line));
    }

    [Fact]
    public void LoadTable_QuarantineWithoutRejects_WritesHeaderOnly()
    {
        using var rejects = new StringWriter();

        Load(s_twoRows, s_quarantine with { RejectWriter = rejects });

        Assert.Equal("line,column,kind,problem,masked_nik\n", rejects.ToString());
    }

    [Fact]
    public void LoadTable_DuplicateNikWarned_KeepsBoth()
    {
        var csv = s_twoRows + s_twoRows.Split('\n')[1] + "\n";

        var result = Load(csv, ResidentLoadOptions.Default with { DuplicateNik = FindingAction.Warn });

        AssertSameRows([s_woman, s_man, s_woman], result.Data);
        Assert.Equal(1, result.Summary.Warnings);
        Assert.False(Assert.Single(result.Summary.Issues).Rejected);
        Assert.Equal(1, result.Summary.GetIssueCount(LoadIssueKind.DuplicateNik));
    }

    [Fact]
    public void LoadTable_DuplicateNikIgnored_NotCounted()
    {
        var csv = s_twoRows + s_twoRows.Split('\n')[1] + "\n";

        var result = Load(csv, ResidentLoadOptions.Default with { DuplicateNik = FindingAction.Ignore });

        Assert.Equal(3, result.Data.Count);
        Assert.Equal(0, result.Summary.GetIssueCount(LoadIssueKind.DuplicateNik));
    }

    [Fact]
    public void LoadTable_DuplicateOfRejectedRow_NotADuplicate()
    {
        var first = s_twoRows.Split('\n')[1];
        var csv = Header + "\n" + first.Replace(",P,", ",?,", StringComparison.Ordinal) + "\n" + first + "\n";

        var result = Load(csv, s_quarantine);

        AssertSameRows([s_woman], result.Data);
        Assert.Equal(LoadIssueKind.InvalidValue, Assert.Single(result.Summary.Issues).Kind);
    }

    [Fact]
    public void LoadTable_BirthAfterAsOf_RejectedOnlyWithAsOf()
    {
        var csv = s_twoRows;
        var options = s_quarantine with { AsOf = new LocalDate(1989, 12, 31) };

        var withAsOf = Load(csv, options);
        var onBirthday = Load(csv, options with { AsOf = new LocalDate(1990, 1, 1) });
        var without = Load(csv, s_quarantine);

        AssertSameRows([s_man], withAsOf.Data);
        var issue = Assert.Single(withAsOf.Summary.Issues);
        Assert.Equal((2L, "birth_date", LoadIssueKind.BirthAfterAsOf), (issue.Line, issue.Column, issue.Kind));
        Assert.Equal(2, onBirthday.Data.Count);
        Assert.Equal(2, without.Data.Count);
    }

    [Fact]
    public void LoadTable_DeathBeforeBirth_Rejected()
    {
        var csv = Header + "\n" + ManNik + ",6472011002,1945-08-17,L,WNI,,cerai mati,mati,1945-08-16,8,,0,0\n" +
                  WomanNik + ",64.72.01.1001,1990-01-01,P,WNI,,kawin,pindah luar negeri,1989-05-01,CARD_ISSUED,2012-03-04,1,0\n" +
                  ManNik.Replace("0002", "0005", StringComparison.Ordinal) + ",6472011002,1945-08-17,L,WNI,,cerai mati,mati,1945-08-17,8,,0,0\n";

        var result = Load(csv, s_quarantine);

        Assert.Equal(1, result.Data.Count);
        Assert.Equal(2, result.Summary.GetIssueCount(LoadIssueKind.DeathBeforeBirth));
        Assert.Equal([2L, 3L], result.Summary.Issues.Select(i => i.Line));
        Assert.All(result.Summary.Issues, i => Assert.Equal("life_status_date", i.Column));
    }

    [Fact]
    public void LoadTable_NikDisagreesWithRecord_WarnsByDefault()
    {
        // The woman's NIK with the recorded sex changed to male, and the man's NIK with the birth year changed to 1946.
        var csv = Header + "\n" +
                  WomanNik + ",64.72.01.1001,1990-01-01,L,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0\n" +
                  ManNik + ",6472011002,1946-08-17,L,WNI,,cerai mati,mati,2020-05-06,8,,0,0\n";

        var result = Load(csv);

        Assert.Equal(2, result.Data.Count);
        Assert.Equal(2, result.Summary.Warnings);
        Assert.Equal(1, result.Summary.GetIssueCount(LoadIssueKind.NikSexMismatch));
        Assert.Equal(1, result.Summary.GetIssueCount(LoadIssueKind.NikBirthDateMismatch));
        Assert.Equal([(2L, LoadIssueKind.NikSexMismatch), (3L, LoadIssueKind.NikBirthDateMismatch)], result.Summary.Issues.Select(i => (i.Line, i.Kind)));

        var rejected = Load(csv, s_quarantine with { NikMismatch = FindingAction.Reject });
        Assert.Equal(0, rejected.Data.Count);
        Assert.Equal(2, rejected.Summary.RowsRejected);
    }

    [Fact]
    public void LoadTable_UnknownRegion_CheckedAgainstGivenCatalog()
    {
        var catalog = new RegionCatalog(
        [
            new RegionEntry(RegionCode.Province(64), "Kalimantan Timur"),
            new RegionEntry(RegionCode.Regency(64, 72), "Kota Samarinda"),
            new RegionEntry(RegionCode.District(64, 72, 1), "Palaran"),
            new RegionEntry(RegionCode.Village(64, 72, 1, 1001), "Rawa Makmur"),
        ]);

        var warned = Load(s_twoRows, ResidentLoadOptions.Default with { RegionCatalog = catalog });
        var rejected = Load(s_twoRows, s_quarantine with { RegionCatalog = catalog, UnknownRegion = FindingAction.Reject });

        Assert.Equal(2, warned.Data.Count);
        var issue = Assert.Single(warned.Summary.Issues);
        Assert.Equal((3L, "domicile", LoadIssueKind.UnknownRegion, false), (issue.Line, issue.Column, issue.Kind, issue.Rejected));
        AssertSameRows([s_woman], rejected.Data);
    }

    [Fact]
    public void LoadResidents_RowWithoutNik_Rejected()
    {
        var csv = s_twoRows + ",64.72.01.1001,1990-01-01,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0\n";

        var result = ResidentCsv.LoadResidents(new StringReader(csv), s_quarantine, cancellationToken: Ct);

        Assert.Equal([s_woman.ToResident(), s_man.ToResident()], result.Data);
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal((4L, "nik", LoadIssueKind.MissingValue), (issue.Line, issue.Column, issue.Kind));
        AssertCounts(result.Summary);
    }

    [Fact]
    public void LoadResidents_DuplicateNik_KeepsFirst()
    {
        var csv = s_twoRows + s_twoRows.Split('\n')[1] + "\n" + s_twoRows.Split('\n')[2] + "\n" + s_twoRows.Split('\n')[1] + "\n";

        var result = ResidentCsv.LoadResidents(new StringReader(csv), s_quarantine, cancellationToken: Ct);

        Assert.Equal([s_woman.ToResident(), s_man.ToResident()], result.Data);
        Assert.Equal([4L, 5L, 6L], result.Summary.Issues.Select(i => i.Line));
        Assert.Equal((5L, 2L, 3L), (AssertCounts(result.Summary).RowsRead, result.Summary.RowsAccepted, result.Summary.RowsRejected));
    }

    [Fact]
    public void LoadResidents_NoNikColumn_ThrowsNamingIt()
    {
        var e = Assert.Throws<ResidentLoadException>(() => ResidentCsv.LoadResidents(new StringReader("domicile,birth_date,sex,citizenship,marital_status\n"), cancellationToken: Ct));

        Assert.Equal("nik", e.Issue.Column);
    }

    [Fact]
    public void LoadTable_ManyIssues_KeepsFirstMaxIssuesButCountsAll()
    {
        var csv = Header + "\n" + string.Concat(Enumerable.Repeat("x\n", 50));

        var result = Load(csv, s_quarantine with { MaxIssues = 10 });

        Assert.Equal(10, result.Summary.Issues.Count);
        Assert.Equal(50, result.Summary.GetIssueCount(LoadIssueKind.FieldCount));
        Assert.Equal(50, result.Summary.RowsRejected);
    }

    [Fact]
    public void LoadTable_CancelledMidway_ThrowsAndReturnsNothing()
    {
        using var cts = new CancellationTokenSource();
        var reports = new List<LoadProgress>();
        var progress = new SynchronousProgress(p =>
        {
            reports.Add(p);
            cts.Cancel();
        });
        var before = Load(s_twoRows).Data;

        Assert.Throws<OperationCanceledException>(() => ResidentCsv.LoadTable(new StringReader(RepeatedRows(100_000)), s_quarantine, progress, cts.Token));

        Assert.Equal([new LoadProgress(65_536, 65_471, 65)], reports);
        AssertSameRows([s_woman, s_man], before);
    }

    [Fact]
    public void LoadTable_Progress_ReportsEvery65536RowsAndAtTheEnd()
    {
        var reports = new List<LoadProgress>();

        var result = ResidentCsv.LoadTable(new StringReader(RepeatedRows(140_000)), s_quarantine, new SynchronousProgress(reports.Add), Ct);

        // Every 1,000th row has an invalid sex.
        Assert.Equal([new(65_536, 65_471, 65), new(131_072, 130_941, 131), new(140_000, 139_860, 140)], reports);
        Assert.Equal(139_860, result.Data.Count);
    }

    [Fact]
    public void LoadTable_CancelledBeforeStart_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => ResidentCsv.LoadTable(new StringReader(s_twoRows), null, null, cts.Token));
    }

    [Fact]
    public void LoadTable_RandomRowsInEitherSpelling_ReadBackExactly()
    {
        Gen.Bool.SelectMany(variant => Row.List[0, 40].Select(rows => (variant, rows: DistinctNiks(rows)))).Sample(t =>
        {
            var result = Load(ToCsv(t.rows, t.variant, t.variant ? "\r\n" : "\n"));
            AssertSameRows(t.rows, result.Data);
            Assert.Equal(t.rows.Count, result.Summary.RowsAccepted);
            Assert.Equal(0, result.Summary.Warnings);
        }, iter: 200);
    }

    [Fact]
    public void Write_Table_MatchesIndependentFormatter()
    {
        Row.List[0, 40].Sample(rows =>
        {
            var table = Build(rows);
            using var writer = new StringWriter();
            ResidentCsv.Write(table, writer, Ct);
            Assert.Equal(ToCsv(rows), writer.ToString());
        }, iter: 100);
    }

    [Fact]
    public void Write_Residents_SameAsTable()
    {
        var rows = Sample(50, seed: 3).Where(r => r.Nik != default).ToList();
        using var fromResidents = new StringWriter();
        using var fromTable = new StringWriter();

        ResidentCsv.Write(rows.Select(r => r.ToResident()), fromResidents, Ct);
        ResidentCsv.Write(Build(rows), fromTable, Ct);

        Assert.Equal(fromTable.ToString(), fromResidents.ToString());
    }

    [Fact]
    public void WriteAndLoad_File_RoundTrips()
    {
        var rows = Sample(500, seed: 11);
        var path = Path.GetTempFileName();
        try
        {
            ResidentCsv.Write(Build(rows), path, Ct);
            var result = ResidentCsv.LoadTable(path, cancellationToken: Ct);
            AssertSameRows(rows, result.Data);
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Table_RowWithNoneEnum_CannotReachTheWriter()
    {
        // The table builder validates every row, so a writer never sees an unset enum; the builder names the field.
        var e = Assert.Throws<ArgumentException>(() => Build([s_woman with { MaritalStatus = MaritalStatus.None }]));

        Assert.Contains("MaritalStatus should be a defined value in range [1-4] (not None); got 0.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(s_woman.Nik.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTable_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("path", () => ResidentCsv.LoadTable((string)null!, cancellationToken: Ct));
        Assert.Throws<ArgumentNullException>("reader", () => ResidentCsv.LoadTable((TextReader)null!, cancellationToken: Ct));
        Assert.Throws<ArgumentNullException>("writer", () => ResidentCsv.Write(Build([]), (TextWriter)null!, Ct));
    }

    private static string NikProblem(string value) => Assert.Throws<FormatException>(() => Nik.Parse(value)).Message;

    /// <summary>Rows without NIK (so none is a duplicate) where every 1,000th row has an invalid sex.</summary>
    private static string RepeatedRows(int count)
    {
        var text = new StringBuilder("domicile,birth_date,sex,citizenship,marital_status\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(i % 1000 == 0 ? "64.72.01.1001,1990-01-01,X,WNI,kawin\n" : "64.72.01.1001,1990-01-01,P,WNI,kawin\n");
        }

        return text.ToString();
    }

    internal static PopulationTable Build(IEnumerable<ResidentRow> rows)
    {
        var builder = new PopulationTableBuilder();
        foreach (var row in rows)
        {
            builder.Add(in row);
        }

        return builder.Build();
    }

    private static LoadResult<PopulationTable> Load(string csv, ResidentLoadOptions? options = null)
    {
        var result = ResidentCsv.LoadTable(new StringReader(csv), options, cancellationToken: Ct);
        AssertCounts(result.Summary);
        Assert.Equal(result.Summary.RowsAccepted, result.Data.Count);
        return result;
    }
}

internal sealed class SynchronousProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
{
    public void Report(LoadProgress value) => report(value);
}
