using BenchmarkDotNet.Attributes;
using Kependudukan.Aggregation;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Benchmarks;

/// <summary>Incremental maintenance of regency/city counts: 1,000 status changes (each O(1)), moving the as-of date a day
/// forward and back (touching only residents whose status changes), and a snapshot after an update.</summary>
[MemoryDiagnoser]
public class LiveCoverageBench
{
    private LiveCoverageAggregate _live = null!;
    private ResidentRow[] _recorded = [];
    private ResidentRow[] _original = [];

    /// <summary>Gets or sets the number of residents.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Residents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var table = BenchPopulation.Table(Residents);
        _live = new LiveCoverageAggregate(table, BenchPopulation.Snapshot, RegionLevel.Regency);
        _original = [.. Enumerable.Range(0, 1000).Select(i => _live.GetResident(i * (Residents / 1000)))];
        _recorded = [.. _original.Select(r => r with { RecordingStatus = KtpElStatus.CardIssued, RecordingDate = BenchPopulation.Snapshot })];
    }

    [Benchmark(Baseline = true, Description = "1,000 status changes and back")]
    public void Update_StatusChanges()
    {
        for (var i = 0; i < _recorded.Length; i++)
        {
            _live.Update(i * (Residents / 1000), _recorded[i]);
        }

        for (var i = 0; i < _original.Length; i++)
        {
            _live.Update(i * (Residents / 1000), _original[i]);
        }
    }

    [Benchmark(Description = "As-of date one day forward and back")]
    public void AdvanceTo_NextDayAndBack()
    {
        _live.AdvanceTo(BenchPopulation.Snapshot.PlusDays(1));
        _live.AdvanceTo(BenchPopulation.Snapshot);
    }

    [Benchmark(Description = "Update, then snapshot")]
    public CoverageResult Snapshot_AfterUpdate()
    {
        _live.Update(0, _original[0]);
        return _live.GetSnapshot();
    }
}
