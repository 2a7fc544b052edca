namespace Kependudukan.Devices;

/// <summary>The claim of a region on one more unit under a highest-averages rule, compared exactly.</summary>
/// <remarks>
/// Unit <c>k</c> of a region is the one that takes it from <c>k</c> to <c>k + 1</c> units. For every region with a positive
/// weight the claims strictly decrease in <c>k</c>. Comparisons use integer cross-multiplication (128 or 256 bits), never
/// floating point, so equal claims compare equal and ties are found, not guessed.
/// </remarks>
internal interface IUnitPriority
{
    /// <summary>Compares the claim of region <paramref name="a"/> on its unit <paramref name="unitA"/> with that of region <paramref name="b"/> on its unit <paramref name="unitB"/>.</summary>
    /// <returns>Negative when the first claim is weaker, 0 when equal, positive when stronger.</returns>
    int Compare(int a, int unitA, int b, int unitB);

    /// <summary>Gets a non-negative number roughly proportional to the weight of a region; used only to choose where an exact search starts.</summary>
    Int128 GuessWeight(int region);
}

/// <summary>Claims <c>w / (slope·k + offset)</c>: Jefferson (1, 1), Webster (2, 1) and Adams (1, 0).</summary>
internal readonly struct LinearDivisorPriority(long[] weights, uint slope, uint offset) : IUnitPriority
{
    public int Compare(int a, int unitA, int b, int unitB)
    {
        // w_a / d(k_a) against w_b / d(k_b), cross-multiplied: both products fit in 63 + 33 bits.
        var left = Math.BigMul((ulong)weights[a], Divisor(unitB));
        var right = Math.BigMul((ulong)weights[b], Divisor(unitA));
        return left.CompareTo(right);
    }

    public Int128 GuessWeight(int region) => weights[region];

    private ulong Divisor(int unit) => (slope * (ulong)unit) + offset;
}

/// <summary>Claims <c>w / √(k(k + 1))</c> (Huntington-Hill), compared by squaring: <c>w_a²·k_b(k_b + 1)</c> against <c>w_b²·k_a(k_a + 1)</c>.</summary>
internal readonly struct EqualProportionsPriority(long[] weights) : IUnitPriority
{
    public int Compare(int a, int unitA, int b, int unitB)
    {
        ulong wa = (ulong)weights[a], wb = (ulong)weights[b];
        ulong da = (ulong)unitA * ((ulong)unitA + 1), db = (ulong)unitB * ((ulong)unitB + 1);
        if ((wa | wb) <= uint.MaxValue)
        {
            // Weights below 2^32 (every real population): the squares fit in 64 bits and the products in 128.
            return Math.BigMul(wa * wa, db).CompareTo(Math.BigMul(wb * wb, da));
        }

        var leftHigh = UInt128.BigMul(Math.BigMul(wa, wa), db, out var leftLow);
        var rightHigh = UInt128.BigMul(Math.BigMul(wb, wb), da, out var rightLow);
        var high = leftHigh.CompareTo(rightHigh);
        return high != 0 ? high : leftLow.CompareTo(rightLow);
    }

    public Int128 GuessWeight(int region) => weights[region];
}

/// <summary>Claims <c>b / (r·k)</c>: the days a region with backlog <c>b</c> needs with <c>k</c> devices of daily throughput <c>r</c> (Adams on <c>b / r</c>).</summary>
internal readonly struct DaysPriority(long[] backlogs, int[] throughputs) : IUnitPriority
{
    public int Compare(int a, int unitA, int b, int unitB)
    {
        // b_a / (r_a·k_a) against b_b / (r_b·k_b): r·k < 2^62 and b < 2^63, so each product fits in 128 bits.
        var left = Math.BigMul((ulong)backlogs[a], (ulong)throughputs[b] * (ulong)unitB);
        var right = Math.BigMul((ulong)backlogs[b], (ulong)throughputs[a] * (ulong)unitA);
        return left.CompareTo(right);
    }

    public Int128 GuessWeight(int region) => ((Int128)backlogs[region] << 20) / throughputs[region];
}
