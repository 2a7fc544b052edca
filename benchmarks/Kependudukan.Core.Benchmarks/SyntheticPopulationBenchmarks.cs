using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>Generation speed of <see cref="SyntheticPopulation"/>: rows on one thread (the baseline), rows appended to a
/// <see cref="PopulationTableBuilder"/> on one thread and on all threads, and a calibrated population on all threads.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Kependudukan.Core.Benchmarks -- --filter '*SyntheticPopulation*' --job short</c>.
/// The extra columns give the throughput and the time 280 million residents would take at that rate; for the national
/// scale itself set <c>KEPENDUDUKAN_GENERATE_SIZES=280000000</c> (about 5 GB per operation).</remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SyntheticPopulationBenchmarks
{
    private SyntheticPopulationOptions _options = null!;
    private SyntheticPopulationOptions _calibrated = null!;

    /// <summary>Gets the population sizes: 10 million, or the comma-separated list in the environment variable
    /// <c>KEPENDUDUKAN_GENERATE_SIZES</c> (for example 280000000 for the national scale).</summary>
    public static IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("KEPENDUDUKAN_GENERATE_SIZES") ?? "10000000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>Gets or sets the number of residents generated per operation.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Residents { get; set; }

    /// <summary>Builds the options: 2,000 villages in 20 regencies, sized by the default Zipf skew, from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = Options(Residents);

        // One target per regency (about Residents rows with the 0.8% deceased and emigrated added) with the national shape: 73% wajib KTP, 97% of them recorded, 28% children, 90% with a certificate.
        var perRegency = (long)(Residents * 0.992) / 20;
        _calibrated = _options with
        {
            Population = 0,
            Calibration = [.. Enumerable.Range(1, 20).Select(regency => new CalibrationTarget
            {
                Region = RegionCode.Regency(32, regency),
                Population = perRegency,
                WajibKtp = perRegency * 73 / 100,
                Recorded = perRegency * 73 / 100 * 97 / 100,
                Children = perRegency * 28 / 100,
                ChildrenWithBirthCertificate = perRegency * 28 / 100 * 90 / 100,
            })],
        };
    }

    /// <summary>Returns the benchmark's uncalibrated options for a population size.</summary>
    /// <param name="residents">The population.</param>
    /// <returns>2,000 villages in 20 regencies, as of 2025-06-30, seed 20250630.</returns>
    internal static SyntheticPopulationOptions Options(int residents)
    {
        var villages = (from regency in Enumerable.Range(1, 20)
                        from district in Enumerable.Range(1, 10)
                        from village in Enumerable.Range(1, 10)
                        select RegionCode.Village(32, regency, district, 2000 + village)).ToArray();
        return new SyntheticPopulationOptions { AsOf = new LocalDate(2025, 6, 30), Seed = 20250630, Villages = villages, Population = residents };
    }

    /// <summary>Generates the rows on the calling thread and discards them: the generator alone.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark(Baseline = true)]
    public long GenerateRows_OneThread()
    {
        long count = 0;
        foreach (var row in SyntheticPopulation.GenerateRows(_options))
        {
            count += row.HasKia ? 2 : 1;
        }

        return count;
    }

    /// <summary>Generates into a builder on one thread.</summary>
    /// <returns>The builder's row count.</returns>
    [Benchmark]
    public int Generate_Builder_OneThread() => Generate(_options with { MaxDegreeOfParallelism = 1 });

    /// <summary>Generates into a builder with one worker per processor while the calling thread appends.</summary>
    /// <returns>The builder's row count.</returns>
    [Benchmark]
    public int Generate_Builder_AllThreads() => Generate(_options);

    /// <summary>Generates a population calibrated to exact regional totals into a builder with all threads.</summary>
    /// <returns>The builder's row count.</returns>
    [Benchmark]
    public int Generate_Calibrated_Builder_AllThreads() => Generate(_calibrated);

    private static int Generate(SyntheticPopulationOptions options)
    {
        var builder = new PopulationTableBuilder();
        SyntheticPopulation.Generate(options, builder);
        return builder.Count;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new PerResidentColumn("M residents/s", "Residents generated per second, in millions", nanoseconds => (1_000 / nanoseconds).ToString("F2", CultureInfo.InvariantCulture)));
            AddColumn(new PerResidentColumn("280M (s)", "Projected seconds for 280 million residents at this rate", nanoseconds => (nanoseconds * 0.28).ToString("F1", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A column derived from the mean time divided by the <see cref="Residents"/> parameter.</summary>
    private sealed class PerResidentColumn(string name, string legend, Func<double, string> format) : IColumn
    {
        public string Id => nameof(PerResidentColumn) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var residents = benchmarkCase.Parameters[nameof(Residents)] is int count ? count : 0;
            return mean is { } nanoseconds && residents > 0 ? format(nanoseconds / residents) : "NA";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
