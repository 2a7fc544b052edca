using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>Generates the rows of one chunk at a time; one instance per thread.</summary>
/// <remarks>
/// <para>Each chunk draws from its own xoshiro256** stream seeded from (seed, chunk index), and calibrated classes come from
/// a permutation that any chunk can evaluate on its own, so chunks can be generated in any order on any thread.</para>
/// <para>NIK serials are unique per (district, NIK birth digits, sex) as long as the range allows: a district spread over m chunks
/// gives each chunk a disjoint block of ⌊9999 / m⌋ serials per birth date and sex, numbered from the block's start in row
/// order. Only when more residents of one district share a birth date and sex within one chunk than the block holds do
/// serials repeat (they wrap around within the block).</para>
/// </remarks>
internal sealed class ChunkGenerator
{
    private const ulong ChunkSalt = 0x4348_554E_4B53_4545;
    private const int MaxSerial = 9999;

    private readonly SyntheticModel _model;
    private readonly SyntheticLayout _layout;
    private readonly long _seed;
    // Per (NIK birth digits DDMMYY, sex), in the current district: 0 when unused, otherwise 1 + the offset of the next serial
    // in the block. 16 bits each keep the table (149 KB) in the L2 cache next to the model's date table; the touched entries
    // are listed so a new district clears only those.
    private readonly ushort[] _serials = new ushort[100 * 12 * 31 * 2];
    private readonly int[] _touched = new int[SyntheticLayout.ChunkSize];
    private int _touchedCount;
    private int _serialBase;
    private int _serialRange;

    internal ChunkGenerator(SyntheticModel model, SyntheticLayout layout, long seed)
    {
        _model = model;
        _layout = layout;
        _seed = seed;
    }

    /// <summary>Gets the district of the rows being generated (the NIK's registration district).</summary>
    internal RegionCode District { get; private set; }

    /// <summary>Fills <paramref name="rows"/> with the rows of a chunk.</summary>
    /// <returns>The number of rows written: <see cref="SyntheticLayout.ChunkSize"/>, or fewer for the last chunk.</returns>
    internal int Fill(int chunk, Span<ResidentRow> rows)
    {
        var layout = _layout;
        var start = (long)chunk * SyntheticLayout.ChunkSize;
        var end = Math.Min(start + SyntheticLayout.ChunkSize, layout.TotalRows);
        var random = Xoshiro256StarStar.FromSeed(SplitMix64.Derive(_seed, ChunkSalt, (ulong)chunk));
        var village = layout.FindVillage(start);
        var written = 0;
        var row = start;
        District = default;
        while (row < end)
        {
            while (layout.VillageStart[village + 1] <= row)
            {
                village++;
            }

            var domicile = layout.Villages[village];
            if (domicile.Parent != District)
            {
                BeginDistrict(domicile.Parent, chunk, layout.DistrictStart[village], layout.DistrictEnd[village]);
            }

            var villageEnd = Math.Min(layout.VillageStart[village + 1], end);
            var target = layout.VillageTarget[village];
            if (target < 0)
            {
                for (; row < villageEnd; row++)
                {
                    rows[written++] = _model.CreateRow(_model.DrawClass(ref random), ref random, domicile, this);
                }
            }
            else
            {
                var region = layout.Targets[target];
                for (; row < villageEnd; row++)
                {
                    rows[written++] = _model.CreateRow(region.ClassAt(row - region.Start), ref random, domicile, this);
                }
            }
        }

        return written;
    }

    /// <summary>Returns the next serial for a birth date and sex in the current district.</summary>
    internal int NextSerial(LocalDate birthDate, Sex sex)
    {
        var index = (((((birthDate.Year % 100) * 12) + birthDate.Month - 1) * 31) + birthDate.Day - 1) * 2 + (sex == Sex.Female ? 1 : 0);
        ref var entry = ref _serials[index];
        var offset = 0;
        if (entry == 0)
        {
            _touched[_touchedCount++] = index;
        }
        else
        {
            offset = entry - 1;
        }

        var next = offset + 1 == _serialRange ? 0 : offset + 1;
        entry = (ushort)(next + 1);
        return 1 + _serialBase + offset;
    }

    private void BeginDistrict(RegionCode district, int chunk, long districtStart, long districtEnd)
    {
        District = district;
        foreach (var index in _touched.AsSpan(0, _touchedCount))
        {
            _serials[index] = 0;
        }

        _touchedCount = 0;
        var firstChunk = districtStart / SyntheticLayout.ChunkSize;
        var chunks = ((districtEnd - 1) / SyntheticLayout.ChunkSize) - firstChunk + 1;
        var ordinal = chunk - firstChunk;
        if (chunks <= MaxSerial)
        {
            _serialRange = (int)(MaxSerial / chunks);
            _serialBase = (int)(ordinal * _serialRange);
        }
        else
        {
            _serialRange = 1;
            _serialBase = (int)(ordinal % MaxSerial);
        }
    }
}
