using System.Globalization;
using DuckDB.NET.Data;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Internals;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>The same coverage computation in DuckDB: the table's columns in an in-memory table and one GROUP BY with
/// <c>count_if</c> (its fastest spelling here).</summary>
internal sealed class DuckDbCoverage : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbCoverage(PopulationTable table)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE residents (regency INTEGER, birth SMALLINT, leave SMALLINT, rec SMALLINT, status UTINYINT, eligible BOOLEAN, ever_married BOOLEAN, certificate BOOLEAN, kia BOOLEAN)";
            create.ExecuteNonQuery();
        }

        var ranges = table.GetRanges(RegionLevel.Regency);
        using var appender = _connection.CreateAppender("residents");
        for (var r = 0; r < ranges.Count; r++)
        {
            var regency = (int)(ranges.Codes[r].PaddedValue / 1_000_000);
            for (var row = ranges.Starts[r]; row < ranges.Starts[r + 1]; row++)
            {
                var flags = table.Flags[row];
                appender.CreateRow()
                    .AppendValue(regency)
                    .AppendValue(table.Birth[row])
                    .AppendValue(table.Leave[row])
                    .AppendValue(table.Recording[row])
                    .AppendValue((byte)(flags & RowFlags.StatusMask))
                    .AppendValue(RowFlags.IsEligibleCitizen(flags))
                    .AppendValue(RowFlags.IsEverMarried(flags))
                    .AppendValue(RowFlags.HasBirthCertificate(flags))
                    .AppendValue(RowFlags.HasKia(flags))
                    .EndRow();
            }
        }
    }

    /// <summary>Gets the open connection.</summary>
    public DuckDBConnection Connection => _connection;

    /// <summary>Gets DuckDB's memory use in bytes.</summary>
    public long MemoryBytes
    {
        get
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT CAST(sum(memory_usage_bytes) AS BIGINT) FROM duckdb_memory()";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public static string Sql(LocalDate asOf)
    {
        var p = ScanParameters.Create(KtpEligibilityPolicy.Default, RecordingStatusMapping.Default, asOf, null);
        string In(Func<RecordingCategory, bool> predicate) => string.Join(", ",
            Enumerable.Range(1, 14).Where(s => predicate(RecordingStatusMapping.Default.GetCategory((KtpElStatus)s))));
        // Each condition is computed once per row in the inner projection; the aggregates combine booleans.
        return $"""
            SELECT regency,
              count_if(p) AS population,
              count_if(p AND e AND a17) AS by_age,
              count_if(p AND e AND m AND NOT a17) AS by_marriage,
              count_if(w AND s IN ({In(RecordingStatusMapping.IsRecorded)})) AS recorded,
              count_if(w AND s IN ({In(RecordingStatusMapping.IsPrintReadyOrBeyond)})) AS print_ready,
              count_if(w AND s IN ({In(RecordingStatusMapping.IsPrinted)})) AS printed,
              count_if(w AND s IN ({In(c => c == RecordingCategory.Failed)})) AS failed,
              count_if(w AND s IN ({In(c => c == RecordingCategory.Duplicate)})) AS duplicates,
              count_if(p AND NOT a18) AS children,
              count_if(p AND NOT a18 AND c) AS children_certificate,
              count_if(p AND NOT a17) AS under17,
              count_if(p AND NOT a17 AND k) AS under17_kia,
              count_if(p AND e AND NOT m AND a16 AND NOT a17) AS may_record
            FROM (
              SELECT regency, p, e, m, a16, a17, a18, c, k, s, p AND e AND (a17 OR m) AND r AS w
              FROM (
                SELECT regency, birth <= {p.AsOf} AND leave > {p.AsOf} AS p, eligible AS e, ever_married AS m,
                  birth <= {p.Born16} AS a16, birth <= {p.Born17} AS a17, birth <= {p.Born18} AS a18,
                  rec <= {p.AsOf} AS r, certificate AS c, kia AS k, status AS s
                FROM residents))
            GROUP BY regency ORDER BY regency
            """;
    }

    public Dictionary<RegionCode, CoverageCounts> Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<RegionCode, CoverageCounts>();
        while (reader.Read())
        {
            long F(int i) => reader.GetInt64(i);
            var regency = reader.GetInt32(0);
            result[RegionCode.Regency(regency / 100, regency % 100)] = new CoverageCounts
            {
                Population = F(1),
                WajibKtp = F(2) + F(3),
                WajibKtpByAge = F(2),
                WajibKtpByMarriage = F(3),
                Recorded = F(4),
                PrintReady = F(5),
                Printed = F(6),
                RecordingFailed = F(7),
                Duplicates = F(8),
                Children = F(9),
                ChildrenWithBirthCertificate = F(10),
                ChildrenUnder17 = F(11),
                ChildrenUnder17WithKia = F(12),
                MayRecordEarly = F(13),
            };
        }

        return result;
    }

    public void Dispose() => _connection.Dispose();
}
