namespace Kependudukan.Regions;

public sealed partial class RegionCatalog
{
    /// <summary>Gets the official Kemendagri list embedded in the package, loaded on first use.</summary>
    /// <value>The shared default catalog.</value>
    public static RegionCatalog Default => throw new NotImplementedException("The embedded catalog is built in the region-catalog work.");
}
