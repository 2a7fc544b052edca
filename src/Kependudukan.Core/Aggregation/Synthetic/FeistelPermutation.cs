using System.Runtime.CompilerServices;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>A keyed pseudo-random permutation of [0, n): a balanced four-round Feistel network over the smallest even
/// power of two that covers n, with cycle walking for values that fall outside [0, n).</summary>
/// <remarks>Any position can be mapped on its own, so chunks generated in parallel agree on one permutation of a region's rows
/// without sharing state. Cycle walking needs fewer than four rounds of the network on average (the domain is below 4n).</remarks>
internal readonly struct FeistelPermutation
{
    private readonly ulong _count;
    private readonly int _halfBits;
    private readonly ulong _mask;
    private readonly ulong _k0;
    private readonly ulong _k1;
    private readonly ulong _k2;
    private readonly ulong _k3;

    internal FeistelPermutation(ulong count, ulong key)
    {
        _count = count;
        var halfBits = 1;
        while (halfBits < 32 && (1UL << (2 * halfBits)) < count)
        {
            halfBits++;
        }

        _halfBits = halfBits;
        _mask = (1UL << halfBits) - 1;
        var state = key;
        _k0 = SplitMix64.Next(ref state);
        _k1 = SplitMix64.Next(ref state);
        _k2 = SplitMix64.Next(ref state);
        _k3 = SplitMix64.Next(ref state);
    }

    /// <summary>Gets the size of the permuted range.</summary>
    internal ulong Count => _count;

    /// <summary>Maps a position in [0, <see cref="Count"/>) to its image in the same range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong Map(ulong position)
    {
        var x = position;
        do
        {
            x = Encrypt(x);
        }
        while (x >= _count);

        return x;
    }

    private ulong Encrypt(ulong x)
    {
        unchecked
        {
            var left = x >> _halfBits;
            var right = x & _mask;
            left ^= SplitMix64.Mix(right + _k0) & _mask;
            right ^= SplitMix64.Mix(left + _k1) & _mask;
            left ^= SplitMix64.Mix(right + _k2) & _mask;
            right ^= SplitMix64.Mix(left + _k3) & _mask;
            return (left << _halfBits) | right;
        }
    }
}
