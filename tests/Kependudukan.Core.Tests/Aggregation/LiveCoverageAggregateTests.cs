using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation;

public class LiveCoverageAggregateTests
{
    [Fact]
    public void Updates_RandomOperations_EqualResidentCounterOverCurrentResidents() =>
        Gen.Select(PopulationGen.Population(80), Gen.Int[0, 3], Gen.Int[0, int.MaxValue].Array[1, 25]).Sample((sample, levelIndex, operations) =>
        {
            var (asOf, rows) = sample;
            var level = PopulationGen.Levels[levelIndex];
            var live = new LiveCoverageAggregate(CoverageEngineTests.Build(rows), asOf, level);
            var current = rows.ToList();
            var date = asOf;
            var extra = PopulationGen.Row(asOf).Array[operations.Length].Single();
            for (var i = 0; i < operations.Length; i++)
            {
                var op = operations[i];
                switch (op % 4)
                {
                    case 0 when current.Count > 0:
                        // A status change, death, move or any other change of one resident.
                        var id = op / 4 % current.Count;
                        live.Update(id, extra[i]);
                        current[id] = extra[i];
                        break;
                    case 1:
                        // A birth or a newcomer.
                        Assert.Equal(current.Count, live.Add(extra[i]));
                        current.Add(extra[i]);
                        break;
                    default:
                        // Move the as-of date up to a few weeks either way.
                        date = date.PlusDays((op / 4 % 61) - 30);
                        live.AdvanceTo(date);
                        break;
                }

                Assert.Equal(date, live.AsOf);
                Assert.Equal(current.Count, live.Count);
                var expected = ResidentCounter.CountByRegion(PopulationGen.ToResidents(current), date, level);
                CountsAssert.Equal(expected, live.GetSnapshot(), $"after operation {i} ({op % 4}) on {date:uuuu-MM-dd}");
            }

            for (var id = 0; id < current.Count; id++)
            {
                Assert.Equal(current[id], live.GetResident(id));
            }
        }, iter: 60);

    [Fact]
    public void AdvanceTo_AYearDayByDay_EqualsFullScanEachDay()
    {
        var asOf = new LocalDate(2024, 1, 1);
        var rows = PopulationGen.Row(new LocalDate(2024, 7, 1)).Array[300].Single();
        var table = CoverageEngineTests.Build(rows);
        var live = new LiveCoverageAggregate(table, asOf, RegionLevel.District);
        var engine = new CoverageEngine();
        for (var date = asOf; date <= new LocalDate(2025, 1, 1); date = date.PlusDays(1))
        {
            live.AdvanceTo(date);
            CountsAssert.Equal(engine.Count(table, date, RegionLevel.District), live.GetSnapshot(), date.ToString());
        }
    }

    [Fact]
    public async Task GetSnapshot_WhileWriterMovesResidents_NeverTorn()
    {
        var asOf = new LocalDate(2025, 8, 17);
        var rows = PopulationGen.Row(asOf).Array[2000].Single();
        var live = new LiveCoverageAggregate(CoverageEngineTests.Build(rows), asOf, RegionLevel.Village);
        var total = live.GetSnapshot().Total;
        using var stop = new CancellationTokenSource();
        var snapshots = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A move subtracts from one village and adds to another: a torn read would change the total.
                Assert.Equal(total, live.GetSnapshot().Total);
                snapshots++;
            }
        }, TestContext.Current.CancellationToken);

        for (var i = 0; i < 20_000; i++)
        {
            var id = i % rows.Length;
            var row = live.GetResident(id);
            live.Update(id, row with { Domicile = PopulationGen.Villages[(Array.IndexOf(PopulationGen.Villages, row.Domicile) + 1) % PopulationGen.Villages.Length] });
        }

        stop.Cancel();
        await reader;
        Assert.True(snapshots > 0);
        Assert.Equal(total, live.GetSnapshot().Total);
    }

    [Fact]
    public void GetSnapshot_NoChange_ReturnsSameInstance()
    {
        var live = new LiveCoverageAggregate(CoverageEngineTests.Build(PopulationGen.Row(new LocalDate(2025, 1, 1)).Array[10].Single()), new LocalDate(2025, 1, 1), RegionLevel.Regency);
        Assert.Same(live.GetSnapshot(), live.GetSnapshot());
    }

    [Fact]
    public void Update_Invalid_Throws()
    {
        var rows = PopulationGen.Row(new LocalDate(2025, 1, 1)).Array[3].Single();
        var live = new LiveCoverageAggregate(CoverageEngineTests.Build(rows), new LocalDate(2025, 1, 1), RegionLevel.Regency, KtpEligibilityPolicy.Default);
        Assert.Throws<ArgumentOutOfRangeException>("id", () => live.Update(3, rows[0]));
        Assert.Throws<ArgumentException>("row", () => live.Update(0, rows[0] with { Sex = Sex.None }));
        Assert.Throws<ArgumentException>("row", () => live.Add(rows[0] with { Domicile = RegionCode.Regency(64, 72) }));
        Assert.Throws<ArgumentNullException>("table", () => new LiveCoverageAggregate(null!, new LocalDate(2025, 1, 1), RegionLevel.Regency));
    }
}
