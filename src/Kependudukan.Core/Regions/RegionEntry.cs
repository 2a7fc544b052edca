namespace Kependudukan.Regions;

/// <summary>A region and its official name, as a catalog holds it.</summary>
/// <param name="Code">The region code.</param>
/// <param name="Name">The official name, for example "Kota Samarinda".</param>
public readonly record struct RegionEntry(RegionCode Code, string Name);
