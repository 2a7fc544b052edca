using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Kependudukan.Aggregation;
using Kependudukan.Regions;

namespace Kependudukan.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Kependudukan.Core.Benchmarks -- --filter '*'</c>;
/// <c>-- --sizes N</c> prints the bytes per resident of each representation for N residents; <c>-- --load file.csv
/// [--threads N] [--no-checks] [--no-duplicates] [--quarantine]</c> (in every stopwatch mode, <c>--no-huge-pages</c> sets the library's
/// switch <c>Kependudukan.UseHugePages</c> off) times <c>ResidentCsv.LoadTable</c> (or the Parquet load of a
/// <c>.parquet</c> file); <c>-- --tokenize file.csv</c> times Sep and the package's CSV reader splitting the file into cells, with no
/// field parsing; <c>-- --builder file.csv [--threads N]</c> times the table builder's <c>Add</c> and <c>Build</c> on the file's rows;
/// <c>-- --parse file.csv</c> times the fast row parser alone and feeding a builder, on the file's rows held in memory;
/// <c>-- --prepare-load-files</c> writes the files <c>LoadBenchmarks</c> reads.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args)
    {
        if (args.Contains("--no-huge-pages"))
        {
            // Before any column is allocated: the library reads the switch once. Stopwatch modes only (BenchmarkDotNet runs
            // its benchmarks in processes of their own).
            AppContext.SetSwitch("Kependudukan.UseHugePages", false);
            args = [.. args.Where(arg => arg != "--no-huge-pages")];
        }

        if (args is ["--timing", var t, ..])
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var table = BenchPopulation.Table(int.Parse(t, System.Globalization.CultureInfo.InvariantCulture), withNik: !args.Contains("--no-nik"));
            Console.WriteLine($"{table.Count:N0} residents built in {started.Elapsed.TotalSeconds:0} s: {table.BytesPerResident:0.00} bytes/resident working set ({table.WorkingSetBytes / 1e9:0.00} GB), {table.TotalBytesPerResident:0.00} in total; managed heap {GC.GetTotalMemory(true) / 1e9:0.00} GB");
            var engine = new CoverageEngine();
            for (var i = 0; i < 5; i++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var index = engine.BuildIndex(table, RegionLevel.Regency);
                var build = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                index.Count(BenchPopulation.Snapshot.PlusMonths(1));
                var query = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                engine.Count(table, BenchPopulation.Snapshot, RegionLevel.Regency);
                var scan = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                new CoverageEngine { MaxDegreeOfParallelism = 1 }.Count(table, BenchPopulation.Snapshot, RegionLevel.Regency);
                var scan1 = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                MemoryBandwidth.SumBytes(table, 2);
                var bandwidth = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                MemoryBandwidth.SumBytes(table, 1);
                var bandwidth1 = sw.Elapsed.TotalMilliseconds;
                Console.WriteLine($"build {build:0.0} ms, query {query:0.000} ms, scan {scan:0.00} ms, scan1 {scan1:0.00} ms, bandwidth {bandwidth:0.00} ms, bandwidth1 {bandwidth1:0.00} ms");
            }

            return;
        }

        if (args is ["--generate", var g, ..])
        {
            var threads = Array.IndexOf(args, "--threads") is var at and > 0 ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : -1;
            TimeGeneration(int.Parse(g, System.Globalization.CultureInfo.InvariantCulture), args.Contains("--rows-only"), threads);
            return;
        }

        if (args is ["--prepare-load-files"])
        {
            // Writes the files LoadBenchmarks reads (under the temporary directory), so the stopwatch modes can use them.
            new LoadBenchmarks().Setup();
            return;
        }

        if (args is ["--load", var file, ..])
        {
            TimeLoad(file, args);
            return;
        }

        if (args is ["--builder", var rowsFile, ..])
        {
            TimeBuilder(rowsFile, args is [_, _, "--threads", var threadArg] ? int.Parse(threadArg!, System.Globalization.CultureInfo.InvariantCulture) : 1);
            return;
        }

        if (args is ["--parse", var parseFile])
        {
            TimeParse(parseFile);
            return;
        }

        if (args is ["--tokenize", var csv])
        {
            TimeTokenize(csv);
            return;
        }

        if (args is ["--sizes", var n])
        {
            PrintSizes(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Short5"))
            .AddColumn(new NsPerResidentColumn())
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .HideColumns(Column.Error, Column.StdDev, Column.Gen0, Column.Gen1, Column.Gen2);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    /// <summary>Times <see cref="Kependudukan.Aggregation.Synthetic.SyntheticPopulation"/> for one population size, three
    /// rounds: the generation into a builder (all processors unless <c>--threads N</c>), then the table build; or, with
    /// <c>--rows-only</c>, the rows enumerated on one thread.</summary>
    private static void TimeGeneration(int count, bool rowsOnly, int threads)
    {
        var options = SyntheticPopulationBenchmarks.Options(count) with { MaxDegreeOfParallelism = threads };
        for (var round = 0; round < 3; round++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (rowsOnly)
            {
                long sum = 0;
                foreach (var row in Kependudukan.Aggregation.Synthetic.SyntheticPopulation.GenerateRows(options))
                {
                    sum += row.HasKia ? 2 : 1;
                }

                Console.WriteLine($"{sum:N0} rows enumerated on one thread in {started.Elapsed.TotalSeconds:0.00} s ({started.Elapsed.TotalNanoseconds / count:0.0} ns/row)");
                continue;
            }

            var builder = new PopulationTableBuilder();
            Kependudukan.Aggregation.Synthetic.SyntheticPopulation.Generate(options, builder);
            var generated = started.Elapsed;
            var table = builder.Build();
            Console.WriteLine($"{table.Count:N0} residents generated in {generated.TotalSeconds:0.00} s ({generated.TotalNanoseconds / count:0.0} ns/row), table built in {(started.Elapsed - generated).TotalSeconds:0.00} s; {table.TotalBytes / 1e9:0.00} GB");
        }
    }

    /// <summary>Times <c>ResidentCsv.LoadTable</c> (or <c>ResidentParquet.LoadTableAsync</c> for a <c>.parquet</c> file) on one file, five rounds: <c>--threads N</c> (default: every core),
    /// <c>--no-checks</c> (the optional data-quality checks off), <c>--no-duplicates</c> (no duplicate-NIK check), <c>--quarantine</c> (bad rows set aside instead of failing).</summary>
    private static void TimeLoad(string path, string[] args)
    {
        var threads = Array.IndexOf(args, "--threads") is var at and > 0 ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var options = new Kependudukan.Data.ResidentLoadOptions { MaxDegreeOfParallelism = threads };
        if (args.Contains("--no-checks"))
        {
            options = options with
            {
                DuplicateNik = Kependudukan.Data.FindingAction.Ignore,
                NikMismatch = Kependudukan.Data.FindingAction.Ignore,
                DeathBeforeBirth = Kependudukan.Data.FindingAction.Ignore,
            };
        }

        if (args.Contains("--no-duplicates"))
        {
            options = options with { DuplicateNik = Kependudukan.Data.FindingAction.Ignore };
        }

        if (args.Contains("--quarantine"))
        {
            options = options with { ErrorPolicy = Kependudukan.Data.LoadErrorPolicy.Quarantine };
        }

        for (var round = 0; round < 5; round++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = path.EndsWith(".parquet", StringComparison.Ordinal)
                ? Kependudukan.Data.ResidentParquet.LoadTableAsync(path, options).GetAwaiter().GetResult()
                : Kependudukan.Data.ResidentCsv.LoadTable(path, options);
            var elapsed = started.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"{result.Data.Count:N0} rows in {elapsed.TotalSeconds:0.000} s: {elapsed.TotalNanoseconds / result.Data.Count:0.0} ns/row, {result.Data.Count / elapsed.TotalSeconds / 1e6:0.00} Mrows/s, {allocated / 1e6:N0} MB allocated");
        }
    }

    /// <summary>Times the table builder alone on the rows of a CSV file held in memory, three rounds: <c>Add</c> of every row
    /// into a builder of the right capacity, then <c>Build</c> on <paramref name="threads"/> threads.</summary>
    private static void TimeBuilder(string path, int threads)
    {
        var table = Kependudukan.Data.ResidentCsv.LoadTable(path).Data;
        var rows = new ResidentRow[table.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = table.GetRow(i);
        }

        for (var round = 0; round < 3; round++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var builder = new PopulationTableBuilder(rows.Length);
            foreach (ref readonly var row in rows.AsSpan())
            {
                builder.Add(in row);
            }

            var added = started.Elapsed;
            started.Restart();
            var built = builder.Build(threads);
            var build = started.Elapsed;
            Console.WriteLine($"{built.Count:N0} rows: Add {added.TotalNanoseconds / rows.Length:0.0} ns/row, Build {build.TotalNanoseconds / rows.Length:0.0} ns/row");
        }
    }

    /// <summary>Times the stages of the fast CSV path over the rows of a file in the writers' layout, held in memory (so the
    /// file system does not take part), ten rounds, printing the fastest: the row parser alone (nothing kept) into a
    /// <c>ResidentRow</c> and into column form, then each feeding a table builder (<c>Add</c>, <c>AddEncoded</c>). Rows the
    /// fast parsers leave to the general path are skipped.</summary>
    private static void TimeParse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = File.ReadLines(path).First().Split(',');
        var map = Kependudukan.Data.Internals.ColumnMap.Create(header, nikRequired: false, 1).SourceIndex;
        var parser = new Kependudukan.Data.Internals.Utf8RowParser(map, header.Length, ',', needsNik: false);
        var window = Kependudukan.Data.Internals.Utf8RowParser.CanonicalWindow;
        string[] stages = ["row", "row + Add", "encoded", "encoded + AddEncoded"];
        var best = new double[stages.Length];
        Array.Fill(best, double.MaxValue);
        long rows = 0;
        for (var round = 0; round < 10; round++)
        {
            for (var stage = 0; stage < stages.Length; stage++)
            {
                var builder = stage % 2 == 1 ? new PopulationTableBuilder(bytes.Length / 90) : null;
                var started = System.Diagnostics.Stopwatch.StartNew();
                var data = bytes.AsSpan(Array.IndexOf(bytes, (byte)'\n') + 1);
                long sum = 0;
                rows = 0;
                while (data.Length >= window)
                {
                    int length;
                    if (stage < 2)
                    {
                        length = parser.TryParse(data, final: false, out var row);
                        if (length > 0)
                        {
                            if (builder is null)
                            {
                                sum += row.BirthDate.Day;
                            }
                            else
                            {
                                builder.Add(in row);
                            }
                        }
                    }
                    else
                    {
                        length = parser.TryParseEncoded(data, out var cells);
                        if (length > 0)
                        {
                            if (builder is null)
                            {
                                sum += cells.Row.Birth;
                            }
                            else
                            {
                                builder.AddEncoded(in cells.Row);
                            }
                        }
                    }

                    rows += length > 0 ? 1 : 0;
                    data = data[(length > 0 ? length : data.IndexOf((byte)'\n') + 1)..];
                }

                best[stage] = Math.Min(best[stage], started.Elapsed.TotalNanoseconds / rows);
                GC.KeepAlive(sum);
            }
        }

        for (var stage = 0; stage < stages.Length; stage++)
        {
            Console.WriteLine($"{stages[stage],-22}: {best[stage]:0.0} ns/row (fastest of 10 rounds, {rows:N0} rows)");
        }
    }

    /// <summary>Times the CSV readers alone over one file, three rounds: Sep and the package's reader, every cell's length summed.</summary>
    private static void TimeTokenize(string path)
    {
        for (var round = 0; round < 3; round++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            long sum = 0, rows = 0;
            using (var reader = nietras.SeparatedValues.SepReaderExtensions.FromFile(nietras.SeparatedValues.Sep.Reader(), path))
            {
                foreach (var row in reader)
                {
                    for (var i = 0; i < row.ColCount; i++)
                    {
                        sum += row[i].Span.Length;
                    }

                    rows++;
                }
            }

            var sep = started.Elapsed;
            started.Restart();
            long sum2 = 0, rows2 = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan))
            {
                var reader = Kependudukan.Data.Internals.Utf8CsvReader.FromStream(stream, ',');
                while (reader.TryReadRecord(out _))
                {
                    for (var i = 0; i < reader.CellCount; i++)
                    {
                        sum2 += reader.Cell(i).Length;
                    }

                    rows2++;
                }
            }

            var own = started.Elapsed;
            Console.WriteLine($"Sep {sep.TotalNanoseconds / rows:0.0} ns/row ({rows:N0} rows, {sum:N0} chars); package reader general path {own.TotalNanoseconds / rows2:0.0} ns/row ({rows2:N0}, {sum2:N0})");
        }
    }

    private static void PrintSizes(int count)
    {
        var before = GC.GetTotalMemory(true);
        var residents = BenchPopulation.Residents(count);
        var residentBytes = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(residents);
        residents = null;
        var table = BenchPopulation.Table(count);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var index = new CoverageEngine().BuildIndex(table, RegionLevel.Regency);
        var indexBuild = started.Elapsed;
        using var duckDb = new DuckDbCoverage(table);
        Console.WriteLine($"residents: {count:N0}");
        Console.WriteLine($"Resident objects: {(double)residentBytes / count:0.0} bytes/resident");
        Console.WriteLine($"DuckDB in-memory table: {(double)duckDb.MemoryBytes / count:0.0} bytes/resident");
        Console.WriteLine($"PopulationTable working set: {table.BytesPerResident:0.00} bytes/resident; with NIK and order: {table.TotalBytesPerResident:0.00}");
        Console.WriteLine($"CoverageIndex (regency): {(double)index.Bytes / count:0.00} bytes/resident, built in {indexBuild.TotalSeconds:0.0} s");
    }
}

/// <summary>Mean time divided by the number of residents.</summary>
internal sealed class NsPerResidentColumn : IColumn
{
    public string Id => nameof(NsPerResidentColumn);

    public string ColumnName => "ns/resident";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time per resident in nanoseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var residents = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Residents")?.Value;
        return report?.ResultStatistics is { } statistics && residents is int n
            ? (statistics.Mean / n).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
