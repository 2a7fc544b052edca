using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kependudukan.Data.Internals;

/// <summary>A set of NIK values for duplicate detection: open addressing with linear probing over a power-of-two table of
/// longs, 0 marking an empty slot (no valid NIK is 0). About 11 bytes per NIK at the highest fill, a third of a
/// <see cref="HashSet{T}"/>.</summary>
internal sealed class NikSet
{
    private long[] _slots = new long[1024];
    private int _shift = 64 - 10;
    private int _count;

    internal int Count => _count;

    /// <summary>Adds a value; returns <see langword="false"/> when it was already present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Add(long value)
    {
        if (_count >= (_slots.Length >> 2) * 3)
        {
            Grow();
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Slot(value, _shift);
        while (true)
        {
            var existing = slots[i];
            if (existing == value)
            {
                return false;
            }

            if (existing == 0)
            {
                slots[i] = value;
                _count++;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long value, int shift) => (int)(unchecked((ulong)value * 0x9E3779B97F4A7C15UL) >> shift);

    private void Grow()
    {
        var old = _slots;
        var slots = new long[old.Length * 2];
        var shift = 64 - BitOperations.Log2((uint)slots.Length);
        var mask = slots.Length - 1;
        foreach (var value in old)
        {
            if (value != 0)
            {
                var i = Slot(value, shift);
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = value;
            }
        }

        _slots = slots;
        _shift = shift;
    }
}
