using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Kependudukan.Aggregation.Internals;

/// <summary>Maps village codes (padded values, never 0) to the dense ids of a <see cref="PopulationTableBuilder"/>: open
/// addressing with linear probing over one array of key-id pairs, at most half full, so a look-up of a known village is one
/// multiplication and, almost always, one cache line.</summary>
internal sealed class VillageIdMap
{
    private const int InitialSize = 256;

    private Entry[] _entries = new Entry[InitialSize];
    private int _shift = 64 - 8;

    /// <summary>Gets the number of villages mapped.</summary>
    public int Count { get; private set; }

    /// <summary>Returns the id of a village, mapping it to <paramref name="newId"/> first when it is not mapped yet.</summary>
    /// <param name="code">The village's padded code, not 0.</param>
    /// <param name="newId">The id to give an unmapped village.</param>
    /// <param name="added">Whether the village was unmapped.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(long code, int newId, out bool added)
    {
        Debug.Assert(code != 0, "0 marks an empty slot.");
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(code, _shift);
        while (true)
        {
            ref var entry = ref entries[slot];
            if (entry.Code == code)
            {
                added = false;
                return entry.Id;
            }

            if (entry.Code == 0)
            {
                break;
            }

            slot = (slot + 1) & mask;
        }

        added = true;
        Add(code, newId);
        return newId;
    }

    /// <summary>Removes every village, keeping the capacity.</summary>
    public void Clear()
    {
        Array.Clear(_entries);
        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long code, int shift) => (int)unchecked((ulong)code * 0x9E37_79B9_7F4A_7C15UL >> shift);

    private void Add(long code, int id)
    {
        if ((Count + 1) * 2 > _entries.Length)
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _shift--;
            foreach (var entry in old)
            {
                if (entry.Code != 0)
                {
                    Insert(entry.Code, entry.Id);
                }
            }
        }

        Insert(code, id);
        Count++;
    }

    private void Insert(long code, int id)
    {
        var mask = _entries.Length - 1;
        var slot = Slot(code, _shift);
        while (_entries[slot].Code != 0)
        {
            slot = (slot + 1) & mask;
        }

        _entries[slot] = new Entry(code, id);
    }

    private readonly record struct Entry(long Code, int Id);
}
