namespace Kependudukan.Devices;

/// <summary>A group of regions with exactly equal claims on the last units of an apportionment, more regions than units.</summary>
/// <remarks>
/// <para>Every region in <see cref="Regions"/> has the same claim on one more unit, and only <see cref="ContestedUnits"/>
/// of them can get it. Under <see cref="ApportionmentTiePolicy.Report"/> none of them gets it and <see cref="Recipients"/>
/// is empty; under a breaking policy <see cref="Recipients"/> lists the regions that got one, already counted in
/// <see cref="ApportionmentResult.Units"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class ApportionmentTie
{
    internal ApportionmentTie(int[] regions, int contestedUnits, int[] recipients)
    {
        Regions = Array.AsReadOnly(regions);
        ContestedUnits = contestedUnits;
        Recipients = Array.AsReadOnly(recipients);
    }

    /// <summary>Gets the indexes of the tied regions.</summary>
    /// <value>Region indexes in ascending order; more than <see cref="ContestedUnits"/> of them.</value>
    public IReadOnlyList<int> Regions { get; }

    /// <summary>Gets the number of units the tied regions contest, at most one per region.</summary>
    /// <value>At least 1 and fewer than the number of <see cref="Regions"/>.</value>
    public int ContestedUnits { get; }

    /// <summary>Gets the regions that received a contested unit under the tie policy.</summary>
    /// <value>Region indexes in ascending order; empty when the units were left unallocated, otherwise <see cref="ContestedUnits"/> of them.</value>
    public IReadOnlyList<int> Recipients { get; }

    /// <summary>Gets a value indicating whether the contested units were left unallocated.</summary>
    /// <value><see langword="true"/> under <see cref="ApportionmentTiePolicy.Report"/>.</value>
    public bool IsUnresolved => Recipients.Count == 0;
}
