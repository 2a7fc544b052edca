using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;
using Kependudukan.Aggregation;
using Microsoft.Data.Sqlite;
using static Kependudukan.Data.Tests.TestRows;

namespace Kependudukan.Data.Tests;

/// <summary>Loads the same residents from real SQLite and DuckDB database files and compares them with the CSV load.</summary>
public sealed class ResidentDbTests : IDisposable
{
    private const string Columns =
        "nik, domicile, birth_date, sex, citizenship, permit_expiry, marital_status, life_status, life_status_date, ktp_status, recording_date, birth_certificate, kia";

    private static readonly ResidentLoadOptions s_quarantine = new() { ErrorPolicy = LoadErrorPolicy.Quarantine };

    private readonly string _directory = Directory.CreateTempSubdirectory("kependudukan-data-").FullName;
    private readonly List<ResidentRow> _rows = Sample(400, seed: 42);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void LoadTable_Sqlite_EqualsCsvLoad()
    {
        using var connection = CreateSqlite(_rows);
        using var command = Command(connection, $"SELECT id, {Columns}, nama FROM penduduk ORDER BY id");
        using var reader = command.ExecuteReader();

        var result = ResidentDb.LoadTable(reader, cancellationToken: Ct);

        AssertEqualsCsvLoad(result);
        Assert.True(File.Exists(Path.Combine(_directory, "penduduk.sqlite")));
    }

    [Fact]
    public void LoadTable_DuckDb_EqualsCsvLoad()
    {
        using var connection = CreateDuckDb(_rows);
        using var command = Command(connection, $"SELECT id, {Columns} FROM penduduk ORDER BY id");
        using var reader = command.ExecuteReader();

        var result = ResidentDb.LoadTable(reader, cancellationToken: Ct);

        AssertEqualsCsvLoad(result);
        Assert.True(File.Exists(Path.Combine(_directory, "penduduk.duckdb")));
    }

    [Fact]
    public void LoadResidents_DuckDb_EqualsCsvLoad()
    {
        var withNik = _rows.Where(r => r.Nik != default).ToList();
        using var connection = CreateDuckDb(withNik);
        using var command = Command(connection, $"SELECT {Columns} FROM penduduk ORDER BY id");
        using var reader = command.ExecuteReader();

        var result = ResidentDb.LoadResidents(reader, cancellationToken: Ct);

        var csv = ResidentCsv.LoadResidents(new StringReader(ToCsv(withNik)), cancellationToken: Ct);
        Assert.Equal(csv.Data, result.Data);
        Assert.Equal(withNik.Count, AssertCounts(result.Summary).RowsAccepted);
    }

    [Fact]
    public void LoadTable_SqliteWithRenamedColumnsAndBadRows_ReportsRowNumbers()
    {
        using var connection = CreateSqlite(_rows);
        Execute(connection, "UPDATE penduduk SET sex = 'X' WHERE id = 7");
        Execute(connection, "UPDATE penduduk SET birth_date = '1990-02-30' WHERE id = 300");
        Execute(connection, "UPDATE penduduk SET domicile = NULL WHERE id = 301");
        using var command = Command(connection,
            "SELECT id, nik AS NIK, domicile AS kode_desa, domicile, birth_date, sex AS Sex, citizenship, marital_status FROM penduduk ORDER BY id");
        using var reader = command.ExecuteReader();

        var result = ResidentDb.LoadTable(reader, s_quarantine, null, Ct);

        Assert.Equal((400L, 397L, 3L), (AssertCounts(result.Summary).RowsRead, result.Summary.RowsAccepted, result.Summary.RowsRejected));
        Assert.Equal(
            [(7L, "sex", LoadIssueKind.InvalidValue), (300L, "birth_date", LoadIssueKind.InvalidValue), (301L, "domicile", LoadIssueKind.MissingValue)],
            result.Summary.Issues.Where(i => i.Rejected).Select(i => (i.Line, i.Column, i.Kind)));
        Assert.All(result.Summary.Issues, i => Assert.True(i.MaskedNik.Length is 0 || i.MaskedNik.EndsWith("**********", StringComparison.Ordinal)));
    }

    [Fact]
    public void LoadTable_DuckDbMissingRequiredColumn_ThrowsNamingIt()
    {
        using var connection = CreateDuckDb(_rows.Take(3));
        using var command = Command(connection, "SELECT nik, domicile, birth_date, sex, marital_status FROM penduduk");
        using var reader = command.ExecuteReader();

        var e = Assert.Throws<ResidentLoadException>(() => ResidentDb.LoadTable(reader, cancellationToken: Ct));

        Assert.Equal((LoadIssueKind.MissingColumn, "citizenship"), (e.Issue.Kind, e.Issue.Column));
    }

    [Fact]
    public void LoadTable_DuckDbCancelled_Throws()
    {
        using var connection = CreateDuckDb(_rows);
        using var command = Command(connection, $"SELECT {Columns} FROM penduduk");
        using var reader = command.ExecuteReader();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => ResidentDb.LoadTable(reader, null, null, cts.Token));
    }

    private void AssertEqualsCsvLoad(LoadResult<PopulationTable> result)
    {
        var csv = ResidentCsv.LoadTable(new StringReader(ToCsv(_rows)), cancellationToken: Ct);
        AssertSameRows(ToList(csv.Data), result.Data);
        AssertSameRows(_rows, result.Data);
        Assert.Equal((csv.Summary.RowsRead, csv.Summary.RowsAccepted), (AssertCounts(result.Summary).RowsRead, result.Summary.RowsAccepted));
        Assert.Empty(result.Summary.Issues);
    }

    /// <summary>SQLite has no date or boolean type: dates are TEXT, flags INTEGER 0/1, the NIK an INTEGER, statuses text.</summary>
    private SqliteConnection CreateSqlite(IEnumerable<ResidentRow> rows)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "penduduk.sqlite")};Pooling=False");
        connection.Open();
        Execute(connection, """
            CREATE TABLE penduduk (id INTEGER PRIMARY KEY, nik INTEGER, domicile TEXT, birth_date TEXT, sex TEXT, citizenship TEXT,
              permit_expiry TEXT, marital_status TEXT, life_status TEXT, life_status_date TEXT, ktp_status TEXT, recording_date TEXT,
              birth_certificate INTEGER, kia INTEGER, nama TEXT)
            """);
        using var transaction = connection.BeginTransaction();
        using var insert = Command(connection, $"INSERT INTO penduduk (id, {Columns}, nama) VALUES ($id, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, 'Nama Lengkap')");
        insert.Transaction = transaction;
        var id = 0;
        foreach (var row in rows)
        {
            var cells = CsvCells(row);
            insert.Parameters.Clear();
            insert.Parameters.Add(new SqliteParameter("$id", ++id));
            for (var i = 0; i < cells.Length; i++)
            {
                object value = cells[i].Length == 0 ? DBNull.Value : i is 0 ? long.Parse(cells[i], System.Globalization.CultureInfo.InvariantCulture) : i is 11 or 12 ? int.Parse(cells[i], System.Globalization.CultureInfo.InvariantCulture) : cells[i];
                insert.Parameters.Add(new SqliteParameter($"$p{i}", value));
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return connection;
    }

    /// <summary>DuckDB with real types: BIGINT NIK, DATE columns, BOOLEAN flags, VARCHAR codes.</summary>
    private DuckDBConnection CreateDuckDb(IEnumerable<ResidentRow> rows)
    {
        var connection = new DuckDBConnection($"Data Source={Path.Combine(_directory, "penduduk.duckdb")}");
        connection.Open();
        Execute(connection, """
            CREATE OR REPLACE TABLE penduduk (id INTEGER, nik BIGINT, domicile VARCHAR, birth_date DATE, sex VARCHAR, citizenship VARCHAR,
              permit_expiry DATE, marital_status VARCHAR, life_status VARCHAR, life_status_date DATE, ktp_status VARCHAR, recording_date DATE,
              birth_certificate BOOLEAN, kia BOOLEAN)
            """);
        using (var appender = connection.CreateAppender("penduduk"))
        {
            var id = 0;
            foreach (var row in rows)
            {
                var cells = CsvCells(row);
                appender.CreateRow()
                    .AppendValue(++id)
                    .AppendValue(row.Nik == default ? null : row.Nik.Value)
                    .AppendValue(cells[1])
                    .AppendValue(row.BirthDate.ToDateOnly())
                    .AppendValue(cells[3])
                    .AppendValue(cells[4])
                    .AppendValue(row.PermitExpiry?.ToDateOnly())
                    .AppendValue(cells[6])
                    .AppendValue(cells[7])
                    .AppendValue(row.LifeStatusDate?.ToDateOnly())
                    .AppendValue(cells[9])
                    .AppendValue(row.RecordingDate?.ToDateOnly())
                    .AppendValue(row.HasBirthCertificate)
                    .AppendValue(row.HasKia)
                    .EndRow();
            }
        }

        return connection;
    }

    private static string[] CsvCells(ResidentRow row) => ToCsv([row]).Split('\n')[1].Split(',');

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
