using System.Runtime.CompilerServices;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>The xoshiro256** generator (Blackman and Vigna, 2018): fast, 256 bits of state, and fixed forever, unlike
/// <see cref="System.Random"/> whose algorithm may change between runtime versions.</summary>
/// <remarks>Seeded through <see cref="SplitMix64"/> as its authors recommend. A mutable struct: pass it by reference.</remarks>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Seeds the state with four consecutive SplitMix64 outputs of <paramref name="seed"/>.</summary>
    internal static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var state = seed;
        return new Xoshiro256StarStar(SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state));
    }

    /// <summary>Returns the next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Returns a number in [0, <paramref name="n"/>) by Lemire's multiply-shift on the high 32 bits (bias below n / 2^32, no rejection, one draw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal uint NextBelow(uint n) => unchecked((uint)(((NextUInt64() >> 32) * n) >> 32));

    /// <summary>Returns <see langword="true"/> with the probability that <paramref name="threshold"/> encodes (see <see cref="SplitMix64.Threshold"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool NextBool(ulong threshold) => NextUInt64() < threshold;
}

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014): seeds xoshiro and derives independent seeds from (seed, index) pairs.</summary>
internal static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Advances the state by the golden gamma and returns its mix.</summary>
    internal static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += Gamma;
            return Mix(state);
        }
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Derives the seed of stream <paramref name="index"/> of a purpose (<paramref name="salt"/>) from a user seed.</summary>
    internal static ulong Derive(long seed, ulong salt, ulong index)
    {
        unchecked
        {
            return Mix(Mix(Mix((ulong)seed) ^ salt) + (index * Gamma));
        }
    }

    /// <summary>Encodes a probability as a threshold for <see cref="Xoshiro256StarStar.NextBool"/> (draw &lt; threshold).</summary>
    internal static ulong Threshold(double probability)
    {
        const double TwoTo64 = 18446744073709551616.0;
        var scaled = probability * TwoTo64;
        return !(scaled > 0) ? 0 : scaled >= TwoTo64 ? ulong.MaxValue : (ulong)scaled;
    }
}
