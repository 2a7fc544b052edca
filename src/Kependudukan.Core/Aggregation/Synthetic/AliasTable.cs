using System.Runtime.CompilerServices;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Walker's alias method (Vose's construction): draws one of n items with given weights from a single 64-bit draw.</summary>
/// <remarks>The high 32 bits pick a slot, the low 32 bits choose between the slot's item and its alias. Items with weight 0
/// are never drawn. Construction is deterministic (work lists are processed in index order).</remarks>
internal sealed class AliasTable
{
    private readonly uint[] _threshold;
    private readonly int[] _primary;
    private readonly int[] _alternate;

    private AliasTable(uint[] threshold, int[] primary, int[] alternate)
    {
        _threshold = threshold;
        _primary = primary;
        _alternate = alternate;
    }

    /// <summary>Gets a value indicating whether no item has a positive weight.</summary>
    internal bool IsEmpty => _primary.Length == 0;

    /// <summary>Builds a table over the items with positive weight.</summary>
    internal static AliasTable Create(ReadOnlySpan<double> weights)
    {
        var items = new List<int>();
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                items.Add(i);
                total += weights[i];
            }
        }

        var n = items.Count;
        var scaled = new double[n];
        var threshold = new uint[n];
        var primary = new int[n];
        var alternate = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var j = n - 1; j >= 0; j--)
        {
            scaled[j] = weights[items[j]] * n / total;
            (scaled[j] < 1 ? small : large).Push(j);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            threshold[s] = ToThreshold(scaled[s]);
            primary[s] = items[s];
            alternate[s] = items[l];
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        foreach (var rest in large.Concat(small))
        {
            threshold[rest] = uint.MaxValue;
            primary[rest] = items[rest];
            alternate[rest] = items[rest];
        }

        return new AliasTable(threshold, primary, alternate);
    }

    /// <summary>Draws an item index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Sample(ref Xoshiro256StarStar random)
    {
        var r = random.NextUInt64();
        var slot = unchecked((int)(((r >> 32) * (ulong)_primary.Length) >> 32));
        return unchecked((uint)r) < _threshold[slot] ? _primary[slot] : _alternate[slot];
    }

    private static uint ToThreshold(double probability)
    {
        var scaled = probability * 4294967296.0;
        return !(scaled > 0) ? 0 : scaled >= uint.MaxValue ? uint.MaxValue : (uint)scaled;
    }
}
