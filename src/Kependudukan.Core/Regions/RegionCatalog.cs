using System.Diagnostics.CodeAnalysis;
using static System.FormattableString;

namespace Kependudukan.Regions;

/// <summary>A list of regions with their names and hierarchy: the official Kemendagri list, or one the caller builds.</summary>
/// <remarks>
/// <para><see cref="Default"/> is the official list (Kepmendagri 300.2.2-2138/2025: 38 provinces, 514 regencies/cities,
/// 7,285 districts, 83,762 villages), embedded in the package and loaded on first use. It contains information from
/// idn-area-data, which is made available under the ODbL 1.0.</para>
/// <para>A <see cref="RegionCode"/> is valid whether or not a catalog contains it: codes retired by region splits still
/// appear in old NIKs. Use <see cref="Contains"/> as a separate existence check.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed partial class RegionCatalog
{
    private readonly Dictionary<RegionCode, string> _names;
    private readonly Dictionary<RegionCode, List<RegionCode>> _children;
    private readonly int[] _countPerLevel = new int[5];

    /// <summary>Initializes a catalog from entries; every entry below province level needs its parent among the entries.</summary>
    /// <param name="entries">The regions with their names, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry is the default code, has an empty name, repeats a code, or lacks its parent.</exception>
    public RegionCatalog(IEnumerable<RegionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _names = [];
        _children = [];
        var index = 0;
        foreach (var entry in entries)
        {
            if (entry.Code.Level == RegionLevel.None)
            {
                throw new ArgumentException(Invariant($"Entry {index} has the default region code."), nameof(entries));
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new ArgumentException(Invariant($"Entry {index} ({entry.Code}) has an empty name."), nameof(entries));
            }

            if (!_names.TryAdd(entry.Code, entry.Name))
            {
                throw new ArgumentException(Invariant($"Entry {index} repeats region code {entry.Code}."), nameof(entries));
            }

            _countPerLevel[(int)entry.Code.Level]++;
            index++;
        }

        foreach (var code in _names.Keys)
        {
            if (code.Level == RegionLevel.Province)
            {
                continue;
            }

            var parent = code.Parent;
            if (!_names.ContainsKey(parent))
            {
                throw new ArgumentException(Invariant($"Region {code} has no parent {parent} in the catalog."), nameof(entries));
            }

            if (!_children.TryGetValue(parent, out var list))
            {
                _children[parent] = list = [];
            }

            list.Add(code);
        }

        foreach (var list in _children.Values)
        {
            list.Sort();
        }
    }

    /// <summary>Gets the number of regions in the catalog.</summary>
    /// <value>The number of entries at all levels.</value>
    public int Count => _names.Count;

    /// <summary>Returns the number of regions at a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The number of entries at <paramref name="level"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level other than <c>None</c>.</exception>
    public int CountAt(RegionLevel level)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(level), (int)level, (int)RegionLevel.Province, (int)RegionLevel.Village);
        return _countPerLevel[(int)level];
    }

    /// <summary>Returns whether the catalog contains a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when the code is in the catalog.</returns>
    public bool Contains(RegionCode code) => _names.ContainsKey(code);

    /// <summary>Looks up the name of a region.</summary>
    /// <param name="code">The code.</param>
    /// <param name="name">The official name, or <see langword="null"/> when absent.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetName(RegionCode code, [NotNullWhen(true)] out string? name) => _names.TryGetValue(code, out name);

    /// <summary>Returns the name of a region.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The official name, for example "Kota Samarinda" for 64.72.</returns>
    /// <exception cref="KeyNotFoundException">The code is not in the catalog.</exception>
    public string GetName(RegionCode code) =>
        _names.TryGetValue(code, out var name) ? name : throw new KeyNotFoundException(Invariant($"Region {code} is not in the catalog."));

    /// <summary>Returns the direct children of a region, in code order.</summary>
    /// <param name="code">The parent code.</param>
    /// <returns>The children; empty for a village or a code not in the catalog.</returns>
    public IReadOnlyList<RegionCode> GetChildren(RegionCode code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>Returns the ancestors of a code, from its province down to its parent.</summary>
    /// <param name="code">The code; it need not be in the catalog.</param>
    /// <returns>The ancestors that the catalog contains, outermost first.</returns>
    public IReadOnlyList<RegionCode> GetAncestors(RegionCode code)
    {
        var result = new List<RegionCode>(3);
        for (var level = RegionLevel.Province; level < code.Level; level++)
        {
            var ancestor = code.ToLevel(level);
            if (_names.ContainsKey(ancestor))
            {
                result.Add(ancestor);
            }
        }

        return result;
    }

    /// <summary>Returns every region at a level, in code order.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The codes at <paramref name="level"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level other than <c>None</c>.</exception>
    public IReadOnlyList<RegionCode> GetAll(RegionLevel level)
    {
        Utility.Preconditions.CheckArgumentRange(nameof(level), (int)level, (int)RegionLevel.Province, (int)RegionLevel.Village);
        var result = _names.Keys.Where(c => c.Level == level).ToList();
        result.Sort();
        return result;
    }
}
