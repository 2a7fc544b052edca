using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using Parquet;
using Parquet.Schema;
using static Kependudukan.Data.Tests.TestRows;

namespace Kependudukan.Data.Tests;

public sealed class ResidentParquetTests
{
    [Fact]
    public async Task CsvToTableToParquetToTableToCsv_IsLossless()
    {
        var rows = Sample(3000, seed: 21);
        var source = ToCsv(rows, variant: true, newLine: "\r\n");

        var fromCsv = ResidentCsv.LoadTable(new StringReader(source), cancellationToken: Ct);
        using var parquet = new MemoryStream();
        await ResidentParquet.WriteAsync(fromCsv.Data, parquet, Ct);
        parquet.Position = 0;
        var fromParquet = await ResidentParquet.LoadTableAsync(parquet, cancellationToken: Ct);
        using var csv = new StringWriter();
        ResidentCsv.Write(fromParquet.Data, csv, Ct);
        var again = ResidentCsv.LoadTable(new StringReader(csv.ToString()), cancellationToken: Ct);

        AssertSameRows(rows, fromCsv.Data);
        AssertSameRows(rows, fromParquet.Data);
        AssertSameRows(rows, again.Data);
        Assert.Equal(ToCsv(rows), csv.ToString());
        foreach (var summary in new[] { fromCsv.Summary, fromParquet.Summary, again.Summary })
        {
            Assert.Equal((3000L, 3000L, 0L), (AssertCounts(summary).RowsRead, summary.RowsAccepted, summary.RowsRejected));
        }
    }

    [Fact]
    public async Task WriteAndLoad_RandomRows_RoundTrip()
    {
        await Row.List[0, 30].SampleAsync(async rows =>
        {
            rows = DistinctNiks(rows);
            using var stream = new MemoryStream();
            await ResidentParquet.WriteAsync(ResidentCsvTests.Build(rows), stream, Ct);
            stream.Position = 0;
            var result = await ResidentParquet.LoadTableAsync(stream, cancellationToken: Ct);
            AssertSameRows(rows, result.Data);
            AssertCounts(result.Summary);
        }, iter: 40);
    }

    [Fact]
    public async Task Write_SeveralAtOnce_EachFileHoldsItsOwnRows()
    {
        // Writers running at the same time once shared Parquet.Net field objects, whose levels and paths a schema sets: files
        // came out with cells of other columns or rows.
        var tables = Enumerable.Range(0, 8).Select(seed => Sample(300, seed)).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var files = await Task.WhenAll(tables.Select(rows => Task.Run(async () =>
            {
                var stream = new MemoryStream();
                await ResidentParquet.WriteRowsAsync(rows, stream, rowGroupSize: 64, Ct);
                return stream;
            })));

            for (var i = 0; i < tables.Length; i++)
            {
                files[i].Position = 0;
                var result = await ResidentParquet.LoadTableAsync(files[i], cancellationToken: Ct);
                AssertSameRows(tables[i], result.Data);
            }
        }
    }

    [Fact]
    public async Task WriteAndLoad_SeveralRowGroups_KeepsOrderAndRowNumbers()
    {
        var rows = Sample(250, seed: 5);
        var first = rows.FindIndex(r => r.Nik != default);
        rows[203] = rows[first];
        using var stream = new MemoryStream();

        await ResidentParquet.WriteRowsAsync(rows, stream, rowGroupSize: 64, Ct);
        stream.Position = 0;
        var result = await ResidentParquet.LoadTableAsync(stream, new ResidentLoadOptions { ErrorPolicy = LoadErrorPolicy.Quarantine }, null, Ct);

        AssertSameRows([.. rows.Where((_, i) => i != 203)], result.Data);
        Assert.Equal((250L, 249L, 1L), (AssertCounts(result.Summary).RowsRead, result.Summary.RowsAccepted, result.Summary.RowsRejected));
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal((204L, LoadIssueKind.DuplicateNik), (issue.Line, issue.Kind));
    }

    [Fact]
    public async Task LoadTable_FileInRowGroups_SameAsOneThread()
    {
        // A file loaded by path reads row groups on several threads: the table, counts, issues, reject file and fail-fast
        // exception must be those of reading the same data on one thread. Repeated NIKs (within and across row groups), births
        // after the as-of date and rows without NIKs give issues under both policies.
        var gen = Gen.Select(Row.List[0, 300], Gen.Int[1, 90], Gen.Int[2, 4], Gen.Bool, Gen.Int[0, 299].Array[0, 12]);
        await gen.SampleAsync(async t =>
        {
            var (rows, rowGroupSize, threads, failFast, repeats) = t;
            foreach (var i in repeats.Where(i => i < rows.Count))
            {
                rows[i] = rows[i * 7 % rows.Count] with { Domicile = rows[i].Domicile };
            }

            var options = new ResidentLoadOptions
            {
                ErrorPolicy = failFast ? LoadErrorPolicy.FailFast : LoadErrorPolicy.Quarantine,
                AsOf = new LocalDate(1980, 1, 1),
                MaxIssues = 9,
            };
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".parquet");
            try
            {
                var stream = File.Create(path);
                await using (stream)
                {
                    await ResidentParquet.WriteRowsAsync(rows, stream, rowGroupSize, Ct);
                }

                var bytes = await File.ReadAllBytesAsync(path, Ct);
                var expected = ResidentCsvPartsTests.Outcome.Of(writer =>
                    ResidentParquet.LoadTableAsync(new MemoryStream(bytes), options with { RejectWriter = writer, MaxDegreeOfParallelism = threads }, null, Ct).GetAwaiter().GetResult());
                var actual = ResidentCsvPartsTests.Outcome.Of(writer =>
                    ResidentParquet.LoadTableAsync(path, options with { RejectWriter = writer, MaxDegreeOfParallelism = threads }, null, Ct).GetAwaiter().GetResult());
                Assert.Equal(expected, actual);
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 60);
    }

    [Fact]
    public async Task WriteAndLoad_Files_RoundTrip()
    {
        var rows = Sample(100, seed: 6).Where(r => r.Nik != default).ToList();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            await ResidentParquet.WriteAsync(ResidentCsvTests.Build(rows), path, Ct);
            var table = await ResidentParquet.LoadTableAsync(path, cancellationToken: Ct);
            var residents = await ResidentParquet.LoadResidentsAsync(path, cancellationToken: Ct);

            AssertSameRows(rows, table.Data);
            Assert.Equal(rows.Select(r => r.ToResident()), residents.Data);
            AssertCounts(table.Summary);
            AssertCounts(residents.Summary);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WriteAndLoad_EmptyTable_LoadsNoRows()
    {
        using var stream = new MemoryStream();

        await ResidentParquet.WriteAsync(ResidentCsvTests.Build([]), stream, Ct);
        stream.Position = 0;
        var result = await ResidentParquet.LoadTableAsync(stream, cancellationToken: Ct);

        Assert.Equal(0, result.Data.Count);
        Assert.Equal(0, AssertCounts(result.Summary).RowsRead);
        Assert.Empty(result.Summary.AbsentColumns);
    }

    [Fact]
    public async Task LoadTable_OtherColumnTypes_ReadAsTheirValues()
    {
        // A file as another tool might write it: NIK as text, padded domicile as INT64, timestamps for dates,
        // village-system status codes and flags as INT32, extra columns, no life status columns.
        var nik = new DataField<string>("NIK");
        var domicile = new DataField<long>("domicile");
        var birth = new DataField<DateTime>("birth_date");
        var sex = new DataField<string>("sex");
        var citizenship = new DataField<string>("citizenship");
        var marital = new DataField<string>("marital_status");
        var ktp = new DataField<int?>("ktp_status");
        var kia = new DataField<int>("kia");
        var certificate = new DataField<bool?>("birth_certificate");
        var name = new DataField<string>("nama");
        using var stream = new MemoryStream();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(nik, domicile, birth, sex, citizenship, marital, ktp, kia, certificate, name), stream,
            cancellationToken: Ct);
        await using (writer)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(nik, ["6472014101900001", null]);
            await group.WriteAsync<long>(domicile, new long[] { 6472011001, 6472011002 }, null, null, Ct);
            await group.WriteAsync<DateTime>(birth, new[] { new DateTime(1990, 1, 1), new DateTime(1945, 8, 17, 10, 30, 0) }, null, null, Ct);
            await group.WriteAsync(sex, ["F", "M"]);
            await group.WriteAsync(citizenship, ["WNI", "ITAP"]);
            await group.WriteAsync(marital, ["kawin", "Widowed"]);
            await group.WriteAsync<int>(ktp, new int?[] { 5, null }, null, null, Ct);
            await group.WriteAsync<int>(kia, new[] { 0, 1 }, null, null, Ct);
            await group.WriteAsync<bool>(certificate, new bool?[] { true, null }, null, null, Ct);
            await group.WriteAsync(name, ["Siti", "Budi"]);
            group.CompleteValidate();
        }

        stream.Position = 0;
        var result = await ResidentParquet.LoadTableAsync(stream, new ResidentLoadOptions { ErrorPolicy = LoadErrorPolicy.Quarantine }, null, Ct);

        Assert.Equal((2L, 1L, 1L), (AssertCounts(result.Summary).RowsRead, result.Summary.RowsAccepted, result.Summary.RowsRejected));
        var row = Assert.Single(ToList(result.Data));
        Assert.Equal(new ResidentRow
        {
            Nik = Nik.Parse("6472014101900001"),
            Domicile = RegionCode.Village(64, 72, 1, 1001),
            BirthDate = new LocalDate(1990, 1, 1),
            Sex = Sex.Female,
            Citizenship = Citizenship.Wni,
            MaritalStatus = MaritalStatus.Married,
            LifeStatus = LifeStatus.Alive,
            RecordingStatus = KtpElStatus.PrintReadyRecord,
            HasBirthCertificate = true,
        }, row);
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal((2L, "birth_date", LoadIssueKind.InvalidValue), (issue.Line, issue.Column, issue.Kind));
        Assert.Equal("Expected a date as yyyy-MM-dd (10 characters); got 27 characters.", issue.Problem);
        Assert.Equal(["permit_expiry", "life_status", "life_status_date", "recording_date"], result.Summary.AbsentColumns);
    }

    [Fact]
    public async Task LoadTable_UnsupportedColumnType_ThrowsNamingColumn()
    {
        var sex = new DataField<double>("Sex");
        var stream = await WriteRequiredColumnsAsync(sex, group => group.WriteAsync<double>(sex, new[] { 1.0 }, null, null, Ct));

        var e = await Assert.ThrowsAsync<ResidentLoadException>(() => ResidentParquet.LoadTableAsync(stream, cancellationToken: Ct));

        Assert.Equal("sex", e.Issue.Column);
        Assert.Equal("The Parquet column Sex holds Double; expected text, an integer, a boolean or a date.", e.Issue.Problem);
    }

    [Fact]
    public async Task LoadTable_RequiredColumnMissing_ThrowsNamingIt()
    {
        var other = new DataField<string>("jenis_kelamin");
        var stream = await WriteRequiredColumnsAsync(other, group => group.WriteAsync(other, ["P"]));

        var e = await Assert.ThrowsAsync<ResidentLoadException>(() => ResidentParquet.LoadTableAsync(stream, cancellationToken: Ct));

        Assert.Equal((LoadIssueKind.MissingColumn, "sex", 0L), (e.Issue.Kind, e.Issue.Column, e.Issue.Line));
    }

    [Fact]
    public async Task LoadTable_NotParquet_Throws()
    {
        using var stream = new MemoryStream("nik,domicile\n"u8.ToArray());

        await Assert.ThrowsAnyAsync<IOException>(() => ResidentParquet.LoadTableAsync(stream, cancellationToken: Ct));
    }

    [Fact]
    public async Task LoadTable_Cancelled_Throws()
    {
        using var stream = new MemoryStream();
        await ResidentParquet.WriteAsync(ResidentCsvTests.Build(Sample(10, 1)), stream, Ct);
        stream.Position = 0;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResidentParquet.LoadTableAsync(stream, null, null, cts.Token));
    }

    /// <summary>Writes one row with the required columns, the sex column replaced by <paramref name="sex"/>.</summary>
    private static async Task<MemoryStream> WriteRequiredColumnsAsync(DataField sex, Func<ParquetRowGroupWriter, Task> writeSex)
    {
        var domicile = new DataField<string>("domicile");
        var birth = new DataField<DateOnly>("birth_date");
        var citizenship = new DataField<string>("citizenship");
        var marital = new DataField<string>("marital_status");
        var stream = new MemoryStream();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(domicile, birth, sex, citizenship, marital), stream, cancellationToken: Ct);
        await using (writer)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(domicile, ["64.72.01.1001"]);
            await group.WriteAsync<DateOnly>(birth, new[] { new DateOnly(1990, 1, 1) }, null, null, Ct);
            await writeSex(group);
            await group.WriteAsync(citizenship, ["WNI"]);
            await group.WriteAsync(marital, ["kawin"]);
            group.CompleteValidate();
        }

        stream.Position = 0;
        return stream;
    }
}
