using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Kependudukan.Utility;
using static System.FormattableString;

namespace Kependudukan.Regions;

/// <summary>A list of regions with their names and hierarchy: the official Kemendagri list, or one the caller builds.</summary>
/// <remarks>
/// <para><see cref="Default"/> is the official list (Kepmendagri 300.2.2-2138/2025: 38 provinces, 514 regencies/cities,
/// 7,285 districts, 83,762 villages), embedded in the package and loaded on first use. It contains information from
/// idn-area-data, which is made available under the ODbL 1.0.</para>
/// <para>A <see cref="RegionCode"/> is valid whether or not a catalog contains it: codes retired by region splits still
/// appear in old NIKs. Use <see cref="Contains"/> as a separate existence check.</para>
/// <para>Codes are kept in one sorted array per level with an index by province and regency digits: a lookup is a binary
/// search among the codes of one regency and allocates nothing. The lists returned by <see cref="GetChildren"/> and
/// <see cref="GetAll"/> are read-only views, not copies.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed partial class RegionCatalog
{
    // The PPKK (province and regency) digits of a padded code are padded / RegencyFactor: 0-10,000 for the values searched.
    private const long RegencyFactor = 1_000_000;
    private const int RegencyKeys = 10_001;

    // Padded-code distance from a region to the next region of the same level, per level (index level - 1): the children
    // of a region lie in [code, code + span) of the next level's array.
    private static readonly long[] s_span = [100_000_000, 1_000_000, 10_000];

    // Per level (index level - 1): the codes in ascending order.
    private readonly RegionCode[][] _codes;

    // Per level: the index of the first code whose PPKK digits are at least the key, so that a search only visits the
    // codes of one regency (one code at province and regency level, about 14 districts or 160 villages below).
    private readonly int[][] _regencyStart;

    // Per level: the name of the code at the same index. A catalog built from entries has every name; the embedded one
    // decodes a name from _utf8 (between two _nameOffsets) on first use and caches it here.
    private readonly string?[][] _names;
    private readonly byte[]? _utf8;
    private readonly int[][]? _nameOffsets;
    private readonly RegionCodeList[] _all;

    /// <summary>Initializes a catalog from entries; every entry below province level needs its parent among the entries.</summary>
    /// <param name="entries">The regions with their names, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry is the default code, has an empty name, repeats a code, or lacks its parent.
    /// The message names the entry (by its position in <paramref name="entries"/>) or the region code.</exception>
    public RegionCatalog(IEnumerable<RegionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = entries.ToArray();
        var keys = new long[items.Length];
        var order = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var (code, name) = items[i];
            if (code.Level == RegionLevel.None)
            {
                throw new ArgumentException(Invariant($"Entry {i} has the default region code."), nameof(entries));
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException(Invariant($"Entry {i} ({code}) has an empty name."), nameof(entries));
            }

            keys[i] = code.PaddedValue;
            order[i] = i;
        }

        // In code order a region's parent is the last region seen one level up, if the parent is there at all.
        Array.Sort(keys, order);
        var counts = new int[4];
        Span<long> last = stackalloc long[4];
        for (var k = 0; k < order.Length; k++)
        {
            var padded = keys[k];
            var code = items[order[k]].Code;
            if (k > 0 && keys[k - 1] == padded)
            {
                ThrowRepeated(keys, order, k - 1, code);
            }

            var level = (int)code.Level;
            if (level > 1 && last[level - 2] != code.Parent.PaddedValue)
            {
                throw new ArgumentException(Invariant($"Region {code} has no parent {code.Parent} in the catalog."), nameof(entries));
            }

            last[level - 1] = padded;
            counts[level - 1]++;
        }

        _codes = new RegionCode[4][];
        _names = new string?[4][];
        for (var level = 0; level < 4; level++)
        {
            _codes[level] = new RegionCode[counts[level]];
            _names[level] = new string?[counts[level]];
            counts[level] = 0;
        }

        foreach (var index in order)
        {
            var (code, name) = items[index];
            var level = (int)code.Level - 1;
            _codes[level][counts[level]] = code;
            _names[level][counts[level]++] = name;
        }

        _regencyStart = IndexByRegency(_codes);
        _all = CreateViews(_codes);
    }

    // Trusted: the codes are sorted per level with every parent present, as the build-time generator checks.
    private RegionCatalog(RegionCode[][] codes, byte[] utf8, int[][] nameOffsets)
    {
        Debug.Assert(codes.Length == 4 && nameOffsets.Length == 4, "One array per level.");
        _codes = codes;
        _utf8 = utf8;
        _nameOffsets = nameOffsets;
        _names = new string?[4][];
        for (var level = 0; level < 4; level++)
        {
            _names[level] = new string?[codes[level].Length];
        }

        _regencyStart = IndexByRegency(codes);
        _all = CreateViews(codes);
    }

    /// <summary>Gets the number of regions in the catalog.</summary>
    /// <value>The number of entries at all levels.</value>
    public int Count => _codes[0].Length + _codes[1].Length + _codes[2].Length + _codes[3].Length;

    /// <summary>Returns the number of regions at a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The number of entries at <paramref name="level"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level other than <c>None</c>.</exception>
    public int CountAt(RegionLevel level) => _codes[CheckLevel(level)].Length;

    /// <summary>Returns whether the catalog contains a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when the code is in the catalog; <see langword="false"/> for the default value.</returns>
    public bool Contains(RegionCode code) => IndexOf(code) >= 0;

    /// <summary>Looks up the name of a region.</summary>
    /// <param name="code">The code.</param>
    /// <param name="name">The official name, or <see langword="null"/> when absent.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetName(RegionCode code, [NotNullWhen(true)] out string? name)
    {
        var index = IndexOf(code);
        name = index >= 0 ? NameAt((int)code.Level - 1, index) : null;
        return name is not null;
    }

    /// <summary>Returns the name of a region.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The official name, for example "Kota Samarinda" for 64.72.</returns>
    /// <exception cref="KeyNotFoundException">The code is not in the catalog.</exception>
    public string GetName(RegionCode code) =>
        TryGetName(code, out var name) ? name : throw new KeyNotFoundException(Invariant($"Region {code} is not in the catalog."));

    /// <summary>Returns the direct children of a region, in code order.</summary>
    /// <param name="code">The parent code.</param>
    /// <returns>The children; empty for a village, the default value or a code not in the catalog.</returns>
    public IReadOnlyList<RegionCode> GetChildren(RegionCode code)
    {
        var level = (int)code.Level;
        if (level is 0 or 4)
        {
            return [];
        }

        // A child level holds no code in [code, code + span) unless the parent itself is in the catalog.
        var start = LowerBound(level, code.PaddedValue);
        var end = LowerBound(level, code.PaddedValue + s_span[level - 1]);
        return start == end ? [] : new RegionCodeList(_codes[level], start, end - start);
    }

    /// <summary>Returns the ancestors of a code, from its province down to its parent.</summary>
    /// <param name="code">The code; it need not be in the catalog.</param>
    /// <returns>The ancestors that the catalog contains, outermost first; empty for a province or the default value.</returns>
    public IReadOnlyList<RegionCode> GetAncestors(RegionCode code)
    {
        var result = new List<RegionCode>(3);
        for (var level = RegionLevel.Province; level < code.Level; level++)
        {
            var ancestor = code.ToLevel(level);
            if (Contains(ancestor))
            {
                result.Add(ancestor);
            }
        }

        return result;
    }

    /// <summary>Returns every region at a level, in code order.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The codes at <paramref name="level"/>, as a read-only view.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level other than <c>None</c>.</exception>
    public IReadOnlyList<RegionCode> GetAll(RegionLevel level) => _all[CheckLevel(level)];

    private static int CheckLevel(RegionLevel level)
    {
        Preconditions.CheckArgumentRange(nameof(level), (int)level, (int)RegionLevel.Province, (int)RegionLevel.Village);
        return (int)level - 1;
    }

    private static RegionCodeList[] CreateViews(RegionCode[][] codes) =>
        [.. codes.Select(level => new RegionCodeList(level, 0, level.Length))];

    // Reports the second entry, in input order, of the run of equal codes that starts at runStart.
    [DoesNotReturn]
    private static void ThrowRepeated(long[] keys, int[] order, int runStart, RegionCode code)
    {
        var runEnd = runStart;
        while (runEnd < keys.Length && keys[runEnd] == keys[runStart])
        {
            runEnd++;
        }

        var run = order[runStart..runEnd];
        Array.Sort(run);
        throw new ArgumentException(Invariant($"Entry {run[1]} repeats region code {code}."), "entries");
    }

    private static int[][] IndexByRegency(RegionCode[][] codes)
    {
        var result = new int[codes.Length][];
        for (var level = 0; level < codes.Length; level++)
        {
            var start = result[level] = new int[RegencyKeys + 1];
            var levelCodes = codes[level];
            var i = 0;
            for (var key = 0; key < start.Length; key++)
            {
                while (i < levelCodes.Length && levelCodes[i].PaddedValue / RegencyFactor < key)
                {
                    i++;
                }

                start[key] = i;
            }
        }

        return result;
    }

    // The first index at a level (index level - 1) whose padded code is not below the value (at most 10,000,000,000).
    private int LowerBound(int level, long paddedValue)
    {
        var codes = _codes[level];
        var start = _regencyStart[level];
        var key = (int)(paddedValue / RegencyFactor);
        int low = start[key], high = start[key + 1];
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (codes[mid].PaddedValue < paddedValue)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private int IndexOf(RegionCode code)
    {
        var level = (int)code.Level - 1;
        if (level < 0)
        {
            return -1;
        }

        var index = LowerBound(level, code.PaddedValue);
        return index < _codes[level].Length && _codes[level][index] == code ? index : -1;
    }

    private string NameAt(int level, int index)
    {
        ref var slot = ref _names[level][index];
        var name = Volatile.Read(ref slot);
        if (name is null)
        {
            var offsets = _nameOffsets![level];
            name = Encoding.UTF8.GetString(_utf8!, offsets[index], offsets[index + 1] - offsets[index]);
            Volatile.Write(ref slot, name);
        }

        return name;
    }
}
