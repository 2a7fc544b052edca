using CsCheck;
using Kependudukan.Regions;

namespace Kependudukan.Tests.Regions;

public class RegionCatalogTests
{
    private static readonly RegionEntry[] Kaltim =
    [
        new(RegionCode.Parse("64.72.03"), "Samarinda Ulu"),
        new(RegionCode.Parse("64"), "Kalimantan Timur"),
        new(RegionCode.Parse("64.72"), "Kota Samarinda"),
        new(RegionCode.Parse("64.72.03.1001"), "Teluk Lerong Ilir"),
        new(RegionCode.Parse("64.72.01"), "Palaran"),
        new(RegionCode.Parse("64.09"), "Kabupaten Penajam Paser Utara"),
        new(RegionCode.Parse("65"), "Kalimantan Utara"),
    ];

    [Fact]
    public void Ctor_UnorderedEntries_BuildsTheHierarchy()
    {
        var catalog = new RegionCatalog(Kaltim);

        Assert.Equal(7, catalog.Count);
        Assert.Equal(2, catalog.CountAt(RegionLevel.Province));
        Assert.Equal(2, catalog.CountAt(RegionLevel.Regency));
        Assert.Equal(2, catalog.CountAt(RegionLevel.District));
        Assert.Equal(1, catalog.CountAt(RegionLevel.Village));
        Assert.Equal("Kota Samarinda", catalog.GetName(RegionCode.Parse("64.72")));
        Assert.Equal([RegionCode.Parse("64.09"), RegionCode.Parse("64.72")], catalog.GetChildren(RegionCode.Parse("64")));
        Assert.Equal([RegionCode.Parse("64.72.01"), RegionCode.Parse("64.72.03")], catalog.GetChildren(RegionCode.Parse("64.72")));
        Assert.Empty(catalog.GetChildren(RegionCode.Parse("65")));
        Assert.Empty(catalog.GetChildren(RegionCode.Parse("64.72.03.1001")));
        Assert.Equal([RegionCode.Parse("64"), RegionCode.Parse("65")], catalog.GetAll(RegionLevel.Province));
        Assert.Equal(
            [RegionCode.Parse("64"), RegionCode.Parse("64.72"), RegionCode.Parse("64.72.03")],
            catalog.GetAncestors(RegionCode.Parse("64.72.03.1001")));
    }

    [Fact]
    public void Lookups_CodeNotInCatalog_ReturnNothing()
    {
        var catalog = new RegionCatalog(Kaltim);
        var absent = RegionCode.Parse("64.73");

        Assert.False(catalog.Contains(absent));
        Assert.False(catalog.TryGetName(absent, out var name));
        Assert.Null(name);
        var ex = Assert.Throws<KeyNotFoundException>(() => catalog.GetName(absent));
        Assert.Equal("Region 64.73 is not in the catalog.", ex.Message);
        Assert.Empty(catalog.GetChildren(absent));
        Assert.Equal([RegionCode.Parse("64")], catalog.GetAncestors(RegionCode.Parse("64.73.01")));
    }

    [Fact]
    public void Lookups_DefaultCode_ReturnNothing()
    {
        var catalog = new RegionCatalog(Kaltim);
        Assert.False(catalog.Contains(default));
        Assert.False(catalog.TryGetName(default, out _));
        Assert.Empty(catalog.GetChildren(default));
        Assert.Empty(catalog.GetAncestors(default));
        Assert.Empty(catalog.GetAncestors(RegionCode.Parse("64")));
    }

    [Theory]
    [InlineData(RegionLevel.None)]
    [InlineData((RegionLevel)5)]
    public void CountAtAndGetAll_InvalidLevel_Throw(RegionLevel level)
    {
        var catalog = new RegionCatalog(Kaltim);
        var ex = Assert.Throws<ArgumentOutOfRangeException>("level", () => catalog.CountAt(level));
        Assert.StartsWith("Value should be in range [1-4]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("level", () => catalog.GetAll(level));
    }

    [Fact]
    public void GetAll_IsAReadOnlyView()
    {
        var all = new RegionCatalog(Kaltim).GetAll(RegionLevel.District);

        Assert.False(all is ICollection<RegionCode>);
        Assert.Equal(RegionCode.Parse("64.72.03"), all[1]);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => all[2]);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => all[-1]);
    }

    [Fact]
    public void Ctor_Empty_HasNoRegions()
    {
        var catalog = new RegionCatalog([]);
        Assert.Equal(0, catalog.Count);
        Assert.Empty(catalog.GetAll(RegionLevel.Village));
        Assert.Empty(catalog.GetChildren(RegionCode.Province(64)));
    }

    [Fact]
    public void Ctor_Null_Throws() => Assert.Throws<ArgumentNullException>("entries", () => new RegionCatalog(null!));

    [Fact]
    public void Ctor_DefaultCode_Throws() =>
        AssertRejected([Kaltim[1], default], "Entry 1 has the default region code.");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Ctor_EmptyName_Throws(string? name) =>
        AssertRejected([Kaltim[1], new(RegionCode.Parse("64.72"), name!)], "Entry 1 (64.72) has an empty name.");

    [Fact]
    public void Ctor_DuplicateCode_Throws() =>
        AssertRejected([.. Kaltim, new(RegionCode.Parse("64.72"), "Samarinda")], "Entry 7 repeats region code 64.72.");

    [Fact]
    public void Ctor_CodeThreeTimes_NamesTheSecondInInputOrder() =>
        AssertRejected(
            [new(RegionCode.Parse("64.72"), "A"), new(RegionCode.Parse("64"), "Kalimantan Timur"), new(RegionCode.Parse("64.72"), "B"), new(RegionCode.Parse("64.72"), "C")],
            "Entry 2 repeats region code 64.72.");

    [Fact]
    public void Ctor_MissingParent_Throws() =>
        AssertRejected(
            [new(RegionCode.Parse("64"), "Kalimantan Timur"), new(RegionCode.Parse("64.72.03"), "Samarinda Ulu")],
            "Region 64.72.03 has no parent 64.72 in the catalog.");

    [Fact]
    public void Ctor_MissingProvince_Throws() =>
        AssertRejected([new(RegionCode.Parse("64.72"), "Kota Samarinda")], "Region 64.72 has no parent 64 in the catalog.");

    [Fact]
    public void Ctor_ParentOfASibling_IsNotEnough() =>
        AssertRejected(
            [new(RegionCode.Parse("64"), "Kalimantan Timur"), new(RegionCode.Parse("64.71"), "Kota Balikpapan"), new(RegionCode.Parse("64.72.03"), "Samarinda Ulu")],
            "Region 64.72.03 has no parent 64.72 in the catalog.");

    [Fact]
    public void Queries_RandomCatalogs_AgreeWithLinq() =>
        RandomTree.Sample(entries =>
        {
            var catalog = new RegionCatalog(entries);
            var byCode = entries.ToDictionary(e => e.Code, e => e.Name);
            var codes = byCode.Keys.OrderBy(c => c.PaddedValue).ToList();

            Assert.Equal(entries.Length, catalog.Count);
            foreach (var level in new[] { RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village })
            {
                Assert.Equal(codes.Where(c => c.Level == level), catalog.GetAll(level));
                Assert.Equal(codes.Count(c => c.Level == level), catalog.CountAt(level));
            }

            foreach (var code in codes)
            {
                Assert.Equal(byCode[code], catalog.GetName(code));
                Assert.Equal(codes.Where(c => c.Level == code.Level + 1 && c.Parent == code), catalog.GetChildren(code));
                Assert.Equal(codes.Where(c => c.Level < code.Level && code.IsWithin(c)), catalog.GetAncestors(code));
            }
        }, iter: 200);

    [Fact]
    public void Contains_RandomCodes_AgreesWithASet() =>
        Gen.Select(RandomTree, RegionCodeTests.GenCode.Array[0, 50]).Sample((entries, probes) =>
        {
            var catalog = new RegionCatalog(entries);
            var set = entries.Select(e => e.Code).ToHashSet();
            foreach (var probe in probes)
            {
                Assert.Equal(set.Contains(probe), catalog.Contains(probe));
                Assert.Equal(set.Contains(probe), catalog.TryGetName(probe, out _));
                if (!set.Contains(probe))
                {
                    Assert.Empty(catalog.GetChildren(probe));
                }
            }
        }, iter: 200);

    // Random codes closed under Parent, shuffled, each named after its code. Province and regency numbers are drawn from a
    // small range so that siblings and shared parents are common.
    private static readonly Gen<RegionEntry[]> RandomTree =
        Gen.Select(Gen.Int[11, 14], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], (p, k, c, d) => RegionCode.Village(p, k == 3 ? 71 : k, c, d == 3 ? 2001 : d))
            .Select(Gen.Int[1, 4], (village, level) => village.ToLevel((RegionLevel)level))
            .Array[0, 30]
            .Select(Gen.Int.Uniform, (codes, seed) =>
            {
                var closed = codes.SelectMany(c => Enumerable.Range(1, (int)c.Level).Select(l => c.ToLevel((RegionLevel)l))).Distinct().ToArray();
                new Random(seed).Shuffle(closed);
                return closed.Select(c => new RegionEntry(c, "Region " + c)).ToArray();
            });

    private static void AssertRejected(RegionEntry[] entries, string message)
    {
        var ex = Assert.Throws<ArgumentException>("entries", () => new RegionCatalog(entries));
        Assert.Equal(message + " (Parameter 'entries')", ex.Message);
    }
}
