using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Synthetic;

namespace Kependudukan.Benchmarks;

/// <summary>The table builder on its own, as loaders and generators use it: <see cref="PopulationTableBuilder.Add(in ResidentRow)"/>
/// of every row into a builder of the right capacity, <see cref="PopulationTableBuilder.Build(int)"/> on one and on two
/// threads, and the repeated-NIK search, over synthetic residents in random village order (the order that makes
/// <c>Build</c> group rows, as a file sorted by anything but village does).</summary>
/// <remarks><c>dotnet run -c Release --project benchmarks/Kependudukan.Core.Benchmarks -- --filter '*TableBuilderBenchmarks*'</c></remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TableBuilderBenchmarks
{
    private ResidentRow[] _rows = [];
    private PopulationTableBuilder _filled = new();

    /// <summary>Gets or sets the number of rows.</summary>
    [Params(2_000_000)]
    public int Residents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generated = new PopulationTableBuilder();
        SyntheticPopulation.Generate(SyntheticPopulationBenchmarks.Options(Residents), generated);
        var random = new Random(7);
        _rows = new ResidentRow[generated.Count];
        for (var i = 0; i < _rows.Length; i++)
        {
            _rows[i] = generated.GetRow(i);
        }

        random.Shuffle(_rows);
        _filled = new PopulationTableBuilder(_rows.Length);
        _filled.AddRange(_rows);
    }

    [Benchmark]
    public int Add()
    {
        var builder = new PopulationTableBuilder(_rows.Length);
        foreach (ref readonly var row in _rows.AsSpan())
        {
            builder.Add(in row);
        }

        return builder.Count;
    }

    [Benchmark]
    public int Build_OneThread() => _filled.Build(1).Count;

    [Benchmark]
    public int Build_TwoThreads() => _filled.Build(2).Count;

    [Benchmark]
    public int FindRepeatedNiks_OneThread() => _filled.FindRepeatedNiks(1).Length;

    [Benchmark]
    public int FindRepeatedNiks_TwoThreads() => _filled.FindRepeatedNiks(2).Length;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new NsPerResidentColumn());
    }
}
