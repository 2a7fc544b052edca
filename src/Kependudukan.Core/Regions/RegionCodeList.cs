using System.Collections;

namespace Kependudukan.Regions;

/// <summary>A read-only view of a range of a catalog's sorted code array.</summary>
internal sealed class RegionCodeList(RegionCode[] codes, int start, int count) : IReadOnlyList<RegionCode>
{
    public int Count => count;

    public RegionCode this[int index] =>
        unchecked((uint)index < (uint)count) ? codes[start + index] : throw new ArgumentOutOfRangeException(nameof(index), index, "Index should be in range [0, Count).");

    public IEnumerator<RegionCode> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return codes[start + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
