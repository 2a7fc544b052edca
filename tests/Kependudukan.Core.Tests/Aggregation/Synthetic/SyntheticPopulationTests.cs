using CsCheck;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class SyntheticPopulationTests
{
    internal static readonly LocalDate AsOf = new(2025, 6, 30);

    /// <summary>Villages in two regencies of Jawa Barat: 2 districts × <paramref name="perDistrict"/> villages each.</summary>
    internal static RegionCode[] Villages(int perDistrict) =>
        [.. from regency in new[] { 1, 73 }
            from district in new[] { 1, 2 }
            from village in Enumerable.Range(1, perDistrict)
            select RegionCode.Village(32, regency, district, (regency > 70 ? 1000 : 2000) + village)];

    internal static SyntheticPopulationOptions Options(int population, long seed = 1) =>
        new() { AsOf = AsOf, Seed = seed, Villages = Villages(5), Population = population };

    [Fact]
    public void GenerateRows_SameSeed_IdenticalRows()
    {
        var options = Options(50_000);
        Assert.Equal(SyntheticPopulation.GenerateRows(options), SyntheticPopulation.GenerateRows(options));
    }

    [Fact]
    public void GenerateRows_OtherSeed_DifferentRows()
    {
        var a = SyntheticPopulation.GenerateRows(Options(1_000, seed: 1)).ToList();
        var b = SyntheticPopulation.GenerateRows(Options(1_000, seed: 2)).ToList();
        Assert.Equal(a.Count, b.Count);
        Assert.True(a.Zip(b).Count(p => p.First == p.Second) < 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Generate_AnyDegreeOfParallelism_SameRowsAsSequential(int threads)
    {
        // 100,000 rows span four chunks, and every district spans more than one.
        var options = Options(100_000) with { MaxDegreeOfParallelism = threads };
        var expected = SyntheticPopulation.GenerateRows(options).ToList();
        var builder = new PopulationTableBuilder();
        SyntheticPopulation.Generate(options, builder, cancellationToken: TestContext.Current.CancellationToken);
        var table = builder.Build();
        Assert.Equal(expected.Count, table.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], table.GetRow(i));
        }
    }

    [Theory]
    [InlineData(1995, 6, 30)] // residents aged 100 were born in 1894-1895, before the table's first date
    [InlineData(2079, 6, 5)] // the day after the table's last date
    public void Generate_AsOfOutsideTheTableDates_ThrowsAndAddsNothing(int year, int month, int day)
    {
        var asOf = new LocalDate(year, month, day);
        var options = Options(1_000) with { AsOf = asOf, RecordingStart = asOf.PlusYears(-1) };
        var builder = new PopulationTableBuilder();

        var error = Assert.Throws<ArgumentException>(() => SyntheticPopulation.Generate(options, builder, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("1900-01-01 to 2079-06-04", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Count);

        // The rows themselves need no table: they can still be generated, with the early birth dates.
        Assert.Contains(SyntheticPopulation.GenerateRows(options), row => row.BirthDate < PopulationTable.MinSupportedDate || row.BirthDate > PopulationTable.MaxSupportedDate.PlusYears(-1));
    }

    [Fact]
    public void Generate_Calibrated_AnyDegreeOfParallelism_SameRows()
    {
        var options = SyntheticPopulationCalibrationTests.Calibrated(Villages(3), 40_000) with { MaxDegreeOfParallelism = 3 };
        var builder = new PopulationTableBuilder();
        SyntheticPopulation.Generate(options, builder, cancellationToken: TestContext.Current.CancellationToken);
        var table = builder.Build();
        var i = 0;
        foreach (var row in SyntheticPopulation.GenerateRows(options with { MaxDegreeOfParallelism = 1 }))
        {
            Assert.Equal(row, table.GetRow(i++));
        }

        Assert.Equal(table.Count, i);
    }

    [Fact]
    public void GenerateRows_ExplicitWeights_ApportionedByLargestRemainder()
    {
        // Quotas 4.5, 3.5 and 2.0 of 10: floors 4, 3, 2 and the one left over goes to the first of the tied remainders.
        RegionCode[] villages = [RegionCode.Village(32, 1, 1, 2001), RegionCode.Village(32, 1, 1, 2002), RegionCode.Village(32, 1, 1, 2003)];
        var options = new SyntheticPopulationOptions { AsOf = AsOf, Villages = villages, VillageWeights = [0.45, 0.35, 0.20], Population = 10 };
        var sizes = SyntheticPopulation.GenerateRows(options).GroupBy(r => r.Domicile).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, sizes[villages[0]]);
        Assert.Equal(3, sizes[villages[1]]);
        Assert.Equal(2, sizes[villages[2]]);
    }

    [Fact]
    public void GenerateRows_RegionSkewOne_VillageSizesFollowZipf()
    {
        // With s = 1 over 10 villages the weights are 1/k; 2,929 residents / H(10) = 1000.01, so sizes are 1000/k.
        var villages = Enumerable.Range(1, 10).Select(v => RegionCode.Village(32, 1, 1, 2000 + v)).ToArray();
        var options = new SyntheticPopulationOptions { AsOf = AsOf, Villages = villages, RegionSkew = 1, Population = 2_929 };
        var sizes = SyntheticPopulation.GenerateRows(options).GroupBy(r => r.Domicile).Select(g => g.Count()).OrderDescending().ToArray();
        int[] expected = [1000, 500, 333, 250, 200, 167, 143, 125, 111, 100];
        Assert.Equal(expected.Length, sizes.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.InRange(sizes[k], expected[k] - 1, expected[k] + 1);
        }
    }

    [Fact]
    public void GenerateRows_RegionSkewZero_EqualVillages()
    {
        var options = Options(1_000) with { RegionSkew = 0 };
        var sizes = SyntheticPopulation.GenerateRows(options).GroupBy(r => r.Domicile).Select(g => g.Count()).ToArray();
        Assert.Equal(20, sizes.Length);
        Assert.All(sizes, size => Assert.Equal(50, size));
    }

    [Fact]
    public void GenerateRows_VillageOrderOfInput_DoesNotMatter()
    {
        var options = Options(5_000);
        var reversed = options with { Villages = [.. options.Villages.Reverse()] };
        Assert.Equal(SyntheticPopulation.GenerateRows(options), SyntheticPopulation.GenerateRows(reversed));
    }

    [Fact]
    public void Generate_ReportsProgressUpToTotal()
    {
        var reports = new List<long>();
        var builder = new PopulationTableBuilder();
        SyntheticPopulation.Generate(Options(70_000) with { MaxDegreeOfParallelism = 2 }, builder, new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);
        Assert.Equal([32_768, 65_536, 70_000], reports);
        Assert.Equal(70_000, builder.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Generate_Cancelled_ThrowsAndStops(int threads)
    {
        var builder = new PopulationTableBuilder();
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => SyntheticPopulation.Generate(Options(70_000) with { MaxDegreeOfParallelism = threads }, builder, cancellationToken: source.Token));
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void Generate_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("options", () => SyntheticPopulation.Generate(null!, new PopulationTableBuilder(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>("builder", () => SyntheticPopulation.Generate(Options(1), null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>("options", () => SyntheticPopulation.GenerateResidents(null!));
        Assert.Throws<ArgumentNullException>("options", () => SyntheticPopulation.GenerateRows(null!));
    }

    [Fact]
    public void GenerateResidents_InvalidOptions_ThrowBeforeEnumerating() =>
        Assert.Throws<ArgumentException>("options", () => SyntheticPopulation.GenerateResidents(Options(10) with { RecordingRate = 2 }));

    [Fact]
    public void GenerateRows_AnyPopulation_HasExactlyThatManyRows() =>
        Gen.Int[0, 40_000].Sample(n => Assert.Equal(n, SyntheticPopulation.GenerateRows(Options(n)).Count()), iter: 10);

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
