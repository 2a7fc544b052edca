using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kependudukan.Regions;

namespace Kependudukan.Benchmarks;

/// <summary>Loading the embedded region list from scratch, and looking codes up in it.</summary>
/// <remarks>
/// <para>Load: <see cref="RegionCatalog.LoadEmbedded"/> (decompress and decode the embedded resource) against building a
/// catalog through the public constructor from 91,599 already-parsed, shuffled entries.</para>
/// <para>Lookup: 1,024 codes, half of them villages in the catalog and half retired or made-up codes, against a
/// <see cref="Dictionary{TKey, TValue}"/> holding the same list.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RegionCatalogBenchmarks
{
    private RegionEntry[] _entries = [];
    private RegionCode[] _probes = [];
    private RegionCatalog _catalog = null!;
    private Dictionary<RegionCode, string> _dictionary = [];

    /// <summary>Builds the inputs from the embedded list with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _catalog = RegionCatalog.LoadEmbedded();
        RegionLevel[] levels = [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village];
        _entries = [.. levels.SelectMany(_catalog.GetAll).Select(code => new RegionEntry(code, _catalog.GetName(code)))];
        var random = new Random(20250814);
        random.Shuffle(_entries);
        _dictionary = _entries.ToDictionary(e => e.Code, e => e.Name);
        var villages = _catalog.GetAll(RegionLevel.Village);
        _probes = [.. Enumerable.Range(0, 1024).Select(i => i % 2 == 0
            ? villages[random.Next(villages.Count)]
            : RegionCode.Village(random.Next(11, 100), random.Next(1, 100), random.Next(1, 100), random.Next(1, 10_000)))];
    }

    /// <summary>Builds a catalog from parsed entries through the public constructor.</summary>
    /// <returns>The catalog.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Load")]
    public RegionCatalog FromEntries() => new(_entries);

    /// <summary>Loads the embedded list from scratch, as the first use of <see cref="RegionCatalog.Default"/> does.</summary>
    /// <returns>The catalog.</returns>
    [Benchmark]
    [BenchmarkCategory("Load")]
    public RegionCatalog LoadEmbedded() => RegionCatalog.LoadEmbedded();

    /// <summary>Loads the embedded list and decodes every name, the worst case for memory.</summary>
    /// <returns>The total name length.</returns>
    [Benchmark]
    [BenchmarkCategory("Load")]
    public int LoadEmbeddedAndDecodeAllNames()
    {
        var catalog = RegionCatalog.LoadEmbedded();
        var length = 0;
        foreach (var level in (ReadOnlySpan<RegionLevel>)[RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village])
        {
            foreach (var code in catalog.GetAll(level))
            {
                length += catalog.GetName(code).Length;
            }
        }

        return length;
    }

    /// <summary>Looks the probes up in a dictionary.</summary>
    /// <returns>The number found.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Lookup")]
    public int ContainsDictionary()
    {
        var found = 0;
        foreach (var code in _probes)
        {
            found += _dictionary.ContainsKey(code) ? 1 : 0;
        }

        return found;
    }

    /// <summary>Looks the probes up in the catalog.</summary>
    /// <returns>The number found.</returns>
    [Benchmark]
    [BenchmarkCategory("Lookup")]
    public int ContainsCatalog()
    {
        var found = 0;
        foreach (var code in _probes)
        {
            found += _catalog.Contains(code) ? 1 : 0;
        }

        return found;
    }

    /// <summary>Gets the names of the probes from the catalog (cached after the first call).</summary>
    /// <returns>The number found.</returns>
    [Benchmark]
    [BenchmarkCategory("Lookup")]
    public int TryGetNameCatalog()
    {
        var found = 0;
        foreach (var code in _probes)
        {
            found += _catalog.TryGetName(code, out _) ? 1 : 0;
        }

        return found;
    }
}
