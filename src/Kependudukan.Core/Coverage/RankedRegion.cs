namespace Kependudukan.Coverage;

/// <summary>A region's place in a ranking by an indicator (<see cref="CoverageReport.Rank"/>).</summary>
/// <remarks>Ranks are competition ranks: regions with exactly equal values share a rank and the next rank skips
/// (1, 2, 2, 4). Ties are kept, never broken silently; tied regions are listed in code order. The default value has no row.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct RankedRegion
{
    internal RankedRegion(int? rank, CoverageRegionRow row)
    {
        Rank = rank;
        Row = row;
    }

    /// <summary>Gets the rank, 1 for the first place.</summary>
    /// <value>The rank; <see langword="null"/> for a region whose ratio has no value (listed last, unranked).</value>
    public int? Rank { get; }

    /// <summary>Gets the region's row.</summary>
    /// <value>The row.</value>
    public CoverageRegionRow Row { get; }
}
