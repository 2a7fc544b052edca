using BenchmarkDotNet.Attributes;
using Kependudukan.Aggregation;
using Kependudukan.Coverage;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>Coverage counts per regency/city on one as-of date, computed five ways over the same residents.</summary>
[MemoryDiagnoser]
public class CoverageBench
{
    private static readonly LocalDate s_asOf = BenchPopulation.Snapshot;
    private static readonly LocalDate s_projected = BenchPopulation.Snapshot.PlusMonths(1);

    private Resident[] _residents = [];
    private PopulationTable _table = null!;
    private DuckDbCoverage? _duckDb;
    private string _sql = string.Empty;
    private CoverageEngine _engine = null!;
    private CoverageIndex _index = null!;

    /// <summary>Gets the population sizes: 1, 10 and 50 million, or the comma-separated list in the environment variable
    /// <c>KEPENDUDUKAN_BENCH_SIZES</c>.</summary>
    public static IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("KEPENDUDUKAN_BENCH_SIZES") ?? "1000000,10000000,50000000")
            .Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Gets or sets the number of residents.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Residents { get; set; }

    [GlobalSetup(Target = nameof(ResidentCounter_Linq))]
    public void SetupResidents() => _residents = BenchPopulation.Residents(Residents);

    [GlobalSetup(Target = nameof(DuckDb_CountIf))]
    public void SetupDuckDb()
    {
        SetupTable();
        _duckDb = new DuckDbCoverage(_table);
        _sql = DuckDbCoverage.Sql(s_asOf);
        var expected = _engine.Count(_table, s_asOf, RegionLevel.Regency);
        var actual = _duckDb.Count(_sql);
        if (!expected.All(e => actual[e.Key] == e.Value))
        {
            throw new InvalidOperationException("DuckDB and the engine disagree.");
        }
    }

    [GlobalSetup(Targets = [nameof(MemoryBandwidth_SumBytes), nameof(Engine_FullScan), nameof(Engine_FullScan_OneThread)])]
    public void SetupTable()
    {
        _table = BenchPopulation.Table(Residents);
        _engine = new CoverageEngine();
    }

    [GlobalSetup(Target = nameof(Index_TimeTravel))]
    public void SetupIndex()
    {
        SetupTable();
        _index = _engine.BuildIndex(_table, RegionLevel.Regency);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, Description = "ResidentCounter (LINQ over Resident)")]
    public IReadOnlyDictionary<RegionCode, CoverageCounts> ResidentCounter_Linq() =>
        ResidentCounter.CountByRegion(_residents, s_asOf, RegionLevel.Regency);

    [Benchmark(Description = "DuckDB count_if GROUP BY")]
    public Dictionary<RegionCode, CoverageCounts> DuckDb_CountIf() => _duckDb!.Count(_sql);

    [Benchmark(Description = "Memory bandwidth (sum bytes)")]
    public long MemoryBandwidth_SumBytes() => MemoryBandwidth.SumBytes(_table, Environment.ProcessorCount);

    [Benchmark(Description = "CoverageEngine full scan")]
    public CoverageResult Engine_FullScan() => _engine.Count(_table, s_asOf, RegionLevel.Regency);

    [Benchmark(Description = "CoverageEngine full scan, 1 thread")]
    public CoverageResult Engine_FullScan_OneThread() =>
        new CoverageEngine { MaxDegreeOfParallelism = 1 }.Count(_table, s_asOf, RegionLevel.Regency);

    [Benchmark(Description = "CoverageIndex time travel (+1 month)")]
    public CoverageResult Index_TimeTravel() => _index.Count(s_projected);
}
