using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CsvHelper;
using Kependudukan.Aggregation;
using Kependudukan.Data;
using Kependudukan.Data.Internals;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using nietras.SeparatedValues;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>Loads 10 million residents into a population table from CSV (the package's UTF-8 reader, against CsvHelper and Sep)
/// and from Parquet.</summary>
/// <remarks>
/// <para>The files are generated once from a fixed seed under <c>/tmp/kependudukan-bench/</c> and reused by later runs.</para>
/// <para>The baselines read the file with a general CSV library and parse every field with the package's general field
/// parsers into the same table builder, without data-quality checks: <see cref="CsvHelper_Csv"/> copies each field into a
/// character buffer, <see cref="Sep_Csv"/> reads the fields in place (Sep was the package's reader before it read UTF-8 bytes
/// itself). <see cref="Csv_OneThread"/> is the package's load on one thread with the default checks (duplicate NIKs, NIK
/// against birth date and sex, death before birth), <see cref="Csv_OneThread_NoChecks"/> without the optional ones, and
/// <see cref="Csv_AllCores"/> the default load, which reads the file in parts on every core. <see cref="Parquet"/> loads the same
/// rows from Parquet on one thread, <see cref="Parquet_AllCores"/> a row group per core at a time. The <c>_VillageOrder</c> rows
/// load the same rows from a CSV file grouped by village, as exports listed region by region are; the main file is in random
/// village order, which makes the table group every row.</para>
/// <para>Columns: <c>Mrows/s</c> is millions of rows per second; <c>Mrows/s/core</c> divides it by the cores the method uses.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RowsConfig))]
[HideColumns("ns/resident")]
public class LoadBenchmarks
{
    internal const int Rows = 10_000_000;

    private static readonly string s_directory = Path.Combine(Path.GetTempPath(), "kependudukan-bench");
    private static readonly string s_csv = Path.Combine(s_directory, "residents-10m.csv");
    private static readonly string s_parquet = Path.Combine(s_directory, "residents-10m.parquet");
    private static readonly string s_csvByVillage = Path.Combine(s_directory, "residents-10m-by-village.csv");

    private static readonly ResidentLoadOptions s_oneThread = new() { MaxDegreeOfParallelism = 1 };

    private static readonly ResidentLoadOptions s_noChecks = s_oneThread with
    {
        DuplicateNik = FindingAction.Ignore,
        NikMismatch = FindingAction.Ignore,
        DeathBeforeBirth = FindingAction.Ignore,
    };

    /// <summary>The cores each method uses, for the per-core column.</summary>
    private static readonly Dictionary<string, int> s_cores = new()
    {
        [nameof(Csv_AllCores)] = Environment.ProcessorCount,
        [nameof(Parquet_AllCores)] = Environment.ProcessorCount,
        [nameof(Csv_AllCores_VillageOrder)] = Environment.ProcessorCount,
    };

    /// <summary>Writes the input files unless an earlier run left them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (File.Exists(s_csv) && File.Exists(s_parquet) && File.Exists(s_csvByVillage))
        {
            return;
        }

        Directory.CreateDirectory(s_directory);
        var builder = new PopulationTableBuilder();
        foreach (var row in Generate(Rows, seed: 20_240_617))
        {
            builder.Add(in row);
        }

        var table = builder.Build();
        ResidentCsv.Write(table, s_csv + ".tmp");
        File.Move(s_csv + ".tmp", s_csv, overwrite: true);
        ResidentParquet.WriteAsync(table, s_parquet + ".tmp").GetAwaiter().GetResult();
        File.Move(s_parquet + ".tmp", s_parquet, overwrite: true);

        // The same rows grouped by village in code order, as exports listed region by region are.
        var byVillage = new PopulationTableBuilder(table.Count);
        for (var row = 0; row < table.Count; row++)
        {
            byVillage.Add(table.GetStorageRow(row));
        }

        ResidentCsv.Write(byVillage.Build(), s_csvByVillage + ".tmp");
        File.Move(s_csvByVillage + ".tmp", s_csvByVillage, overwrite: true);
    }

    /// <summary>CsvHelper (UTF-8, SIMD) copies each field into a character buffer; the same field parsers fill the same table builder.</summary>
    /// <returns>The row count.</returns>
    [Benchmark(Baseline = true)]
    public int CsvHelper_Csv()
    {
        var builder = new PopulationTableBuilder();
        using var csv = CsvReader.FromFile(s_csv, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        var buffers = new char[13][];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = new char[64];
        }

        while (csv.Read())
        {
            var cells = new CsvHelperCells(csv, buffers);
            builder.Add(ParseCells(ref cells));
        }

        return Check(builder.Build().Count);
    }

    /// <summary>Sep reads each field in place; the same field parsers fill the same table builder.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Sep_Csv()
    {
        var builder = new PopulationTableBuilder();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(s_csv);
        foreach (var row in reader)
        {
            var cells = new SepCells(row);
            builder.Add(ParseCells(ref cells));
        }

        return Check(builder.Build().Count);
    }

    /// <summary>Sep splits every row into cells, with no field parsing and no table: the floor of any loader built on Sep.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Sep_CellsOnly()
    {
        long characters = 0;
        var rows = 0;
        using var reader = Sep.Reader().FromFile(s_csv);
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                characters += row[i].Span.Length;
            }

            rows++;
        }

        return Check(characters > 0 ? rows : 0);
    }

    /// <summary>The package's reader splits every row into cells and decodes them as the general path does (every record taken
    /// apart, no field parsing, no table): the same work as <see cref="Sep_CellsOnly"/>.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Package_CellsOnly()
    {
        long characters = 0;
        var rows = -1;
        using var stream = new FileStream(s_csv, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        var reader = Utf8CsvReader.FromStream(stream, ',');
        while (reader.TryReadRecord(out _))
        {
            for (var i = 0; i < reader.CellCount; i++)
            {
                characters += reader.Cell(i).Length;
            }

            rows++;
        }

        return Check(characters > 0 ? rows : 0);
    }

    /// <summary>The package's fast path reads and parses every field of every row straight into the table's column form in
    /// one pass over the bytes (rows within 256 bytes of the buffer's end into a <see cref="ResidentRow"/>), with no table and
    /// no checks: what the package's loads spend before the table.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Package_FastRowsOnly()
    {
        var (stream, reader, parser) = OpenFastPath();
        using var file = stream;
        var rows = 0;
        long flags = 0;
        while (reader.EnsureData())
        {
            var data = reader.Remaining;
            int length;
            if (data.Length >= Utf8RowParser.CanonicalWindow)
            {
                length = parser.TryParseEncoded(data, out var cells);
                flags += cells.Row.Flags;
            }
            else
            {
                length = parser.TryParse(data, reader.IsFinal, out var row);
                flags += row.HasKia ? 1 : 0;
            }

            if (length == 0)
            {
                // A record across the end of the buffer, or one the fast path leaves: the general path takes it apart.
                reader.TryReadRecord(out _);
            }
            else
            {
                reader.Advance(length);
            }

            rows++;
        }

        return Check(flags > 0 ? rows : 0);
    }

    /// <summary>The package's fast path parses every row into column form and appends it to a table builder, then builds the
    /// table: no checks, no issue accounting. With <see cref="Package_FastRowsOnly"/> and <see cref="Csv_OneThread_NoChecks"/>
    /// it splits a load's time into reading, the table and the load's own bookkeeping.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Package_FastRowsIntoTable()
    {
        var (stream, reader, parser) = OpenFastPath();
        using var file = stream;
        var builder = new PopulationTableBuilder(Rows);
        while (reader.EnsureData())
        {
            var data = reader.Remaining;
            if (data.Length >= Utf8RowParser.CanonicalWindow && parser.TryParseEncoded(data, out var cells) is var encoded and > 0)
            {
                reader.Advance(encoded);
                builder.AddEncoded(in cells.Row);
                continue;
            }

            var length = parser.TryParse(data, reader.IsFinal, out var row);
            if (length == 0)
            {
                // A record across the end of the buffer: read it with the general path, and parse it again from its cells.
                reader.TryReadRecord(out _);
                var general = new PackageCells(reader);
                builder.Add(ParseCells(ref general));
            }
            else
            {
                reader.Advance(length);
                builder.Add(in row);
            }
        }

        return Check(builder.Build().Count);
    }

    /// <summary>The package's CSV load on one thread with the default data-quality checks.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Csv_OneThread() => Check(ResidentCsv.LoadTable(s_csv, s_oneThread).Data.Count);

    /// <summary>The package's CSV load on one thread without the optional data-quality checks.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Csv_OneThread_NoChecks() => Check(ResidentCsv.LoadTable(s_csv, s_noChecks).Data.Count);

    /// <summary>The package's CSV load with the default options: every core and the default checks.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Csv_AllCores() => Check(ResidentCsv.LoadTable(s_csv).Data.Count);

    /// <summary>The package's CSV load on one thread with the default checks, of the same rows grouped by village: the table
    /// then takes its columns without grouping them (<see cref="PopulationTableBuilder.Build(int)"/>).</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Csv_OneThread_VillageOrder() => Check(ResidentCsv.LoadTable(s_csvByVillage, s_oneThread).Data.Count);

    /// <summary>The package's CSV load with the default options, of the same rows grouped by village.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Csv_AllCores_VillageOrder() => Check(ResidentCsv.LoadTable(s_csvByVillage).Data.Count);

    /// <summary>The package's Parquet load on one thread with the default data-quality checks.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Parquet() => Check(ResidentParquet.LoadTableAsync(s_parquet, s_oneThread).GetAwaiter().GetResult().Data.Count);

    /// <summary>The package's Parquet load with the default options: row groups read on every core, the default checks.</summary>
    /// <returns>The row count.</returns>
    [Benchmark]
    public int Parquet_AllCores() => Check(ResidentParquet.LoadTableAsync(s_parquet).GetAwaiter().GetResult().Data.Count);

    /// <summary>Opens the CSV file for the package's fast path: the reader past the header, and the row parser of the schema's
    /// column order.</summary>
    private static (FileStream Stream, Utf8CsvReader Reader, Utf8RowParser Parser) OpenFastPath()
    {
        var stream = new FileStream(s_csv, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        var reader = Utf8CsvReader.FromStream(stream, ',');
        reader.TryReadRecord(out _);
        return (stream, reader, new Utf8RowParser([.. Enumerable.Range(0, Field.Count)], Field.Count, ',', needsNik: false));
    }

    /// <summary>Valid residents with distinct NIKs that agree with their birth date and sex, spread over Kalimantan Timur villages.</summary>
    /// <param name="count">The number of rows.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The rows.</returns>
    internal static IEnumerable<ResidentRow> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var epoch = new LocalDate(1930, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var birth = epoch.PlusDays(random.Next(34_000));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var district = RegionCode.District(64, random.Next(1, 10), random.Next(1, 21));
            var life = random.Next(50) == 0 ? LifeStatus.Deceased : LifeStatus.Alive;
            var ktp = (KtpElStatus)random.Next(1, 15);
            yield return new ResidentRow
            {
                // The serial runs through 1-9999 and the district changes with it, so every NIK is distinct.
                Nik = Nik.Create(RegionCode.District(64, 1 + (i / 9999 / 99 % 99), 1 + (i / 9999 % 99)), birth, sex, 1 + (i % 9999)),
                Domicile = RegionCode.Village(64, district.RegencyNumber, district.DistrictNumber, random.Next(1001, 1040)),
                BirthDate = birth,
                Sex = sex,
                Citizenship = random.Next(500) == 0 ? Citizenship.ForeignerWithItap : Citizenship.Wni,
                MaritalStatus = (MaritalStatus)random.Next(1, 5),
                LifeStatus = life,
                LifeStatusDate = life == LifeStatus.Deceased ? birth.PlusDays(random.Next(1, 20_000)) : null,
                RecordingStatus = ktp,
                RecordingDate = ktp > KtpElStatus.Unregistered ? birth.PlusDays(6_000 + random.Next(3_000)) : null,
                HasBirthCertificate = random.Next(4) > 0,
                HasKia = random.Next(3) == 0,
            };
        }
    }

    /// <summary>Parses one row's cells, in schema order, with the package's general field parsers, as a loader built on a
    /// general CSV library would (no data-quality checks).</summary>
    private static ResidentRow ParseCells<TCells>(scoped ref TCells cells)
        where TCells : ICells, allows ref struct
    {
        FieldParser.TryParseNik(cells[0], out var nik);
        FieldParser.TryParseDomicile(cells[1], out var domicile);
        FieldParser.TryParseDate(cells[2], out var birth);
        FieldParser.TryParseSex(cells[3], out var sex);
        FieldParser.TryParseCitizenship(cells[4], out var citizenship);
        var permit = OptionalDate(cells[5]);
        FieldParser.TryParseMaritalStatus(cells[6], out var marital);
        FieldParser.TryParseLifeStatus(cells[7], out var life);
        var lifeDate = OptionalDate(cells[8]);
        FieldParser.TryParseKtpStatus(cells[9], out var ktp);
        var recording = OptionalDate(cells[10]);
        FieldParser.TryParseFlag(cells[11], out var certificate);
        FieldParser.TryParseFlag(cells[12], out var kia);
        return Data.Internals.Rows.Create(nik, domicile, birth, sex, citizenship, permit, marital, life, lifeDate, ktp, recording, certificate, kia);
    }

    private static LocalDate? OptionalDate(ReadOnlySpan<char> text) =>
        text.IsEmpty ? null : FieldParser.TryParseDate(text, out var date) ? date : null;

    private static int Check(int count) =>
        count == Rows ? count : throw new InvalidOperationException($"Loaded {count} rows instead of {Rows}.");

    /// <summary>The fields of a CsvHelper row, each copied into a character buffer of its own.</summary>
    private readonly struct CsvHelperCells(CsvReader csv, char[][] buffers) : ICells
    {
        public ReadOnlySpan<char> this[int field] => buffers[field].AsSpan(0, csv.GetChars(field, buffers[field]));
    }

    /// <summary>The fields of a Sep row, read in place.</summary>
    private readonly ref struct SepCells(SepReader.Row row) : ICells
    {
        private readonly SepReader.Row _row = row;

        public ReadOnlySpan<char> this[int field] => _row[field].Span;
    }

    /// <summary>The cells of the record the package's reader read last.</summary>
    private readonly struct PackageCells(Utf8CsvReader reader) : ICells
    {
        public ReadOnlySpan<char> this[int field] => reader.Cell(field);
    }

    private sealed class RowsConfig : ManualConfig
    {
        public RowsConfig() => AddColumn(new RowsPerSecondColumn(perCore: false), new RowsPerSecondColumn(perCore: true));
    }

    /// <summary>Millions of rows per second: the row count divided by the mean time, and optionally by the cores used.</summary>
    private sealed class RowsPerSecondColumn(bool perCore) : IColumn
    {
        public string Id => nameof(RowsPerSecondColumn) + (perCore ? "PerCore" : string.Empty);

        public string ColumnName => perCore ? "Mrows/s/core" : "Mrows/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => perCore ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => perCore ? "Millions of rows loaded per second per core used" : "Millions of rows loaded per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var cores = perCore ? s_cores.GetValueOrDefault(benchmarkCase.Descriptor.WorkloadMethod.Name, 1) : 1;
            return report?.ResultStatistics is { } statistics
                ? (Rows / (statistics.Mean / 1e9) / 1e6 / cores).ToString("0.00", CultureInfo.InvariantCulture)
                : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
