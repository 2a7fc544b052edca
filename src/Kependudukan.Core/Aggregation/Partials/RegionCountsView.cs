using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Kependudukan.Coverage;
using Kependudukan.Regions;

namespace Kependudukan.Aggregation.Partials;

/// <summary>A read-only dictionary over region codes sorted in ascending order and their counts; enumerates in code order.</summary>
internal sealed class RegionCountsView : IReadOnlyDictionary<RegionCode, CoverageCounts>
{
    private readonly RegionCode[] _regions;
    private readonly CoverageCounts[] _counts;

    internal RegionCountsView(RegionCode[] regions, CoverageCounts[] counts)
    {
        _regions = regions;
        _counts = counts;
    }

    public int Count => _regions.Length;

    public IEnumerable<RegionCode> Keys => _regions.AsReadOnly();

    public IEnumerable<CoverageCounts> Values => _counts.AsReadOnly();

    internal ReadOnlySpan<RegionCode> Regions => _regions;

    internal ReadOnlySpan<CoverageCounts> Counts => _counts;

    public CoverageCounts this[RegionCode key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The partial has no row for region {key}.");

    public bool ContainsKey(RegionCode key) => Array.BinarySearch(_regions, key) >= 0;

    public bool TryGetValue(RegionCode key, [MaybeNullWhen(false)] out CoverageCounts value)
    {
        var index = Array.BinarySearch(_regions, key);
        value = index >= 0 ? _counts[index] : default;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<RegionCode, CoverageCounts>> GetEnumerator()
    {
        for (var i = 0; i < _regions.Length; i++)
        {
            yield return new KeyValuePair<RegionCode, CoverageCounts>(_regions[i], _counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
