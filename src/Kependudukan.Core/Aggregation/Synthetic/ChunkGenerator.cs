using Kependudukan.Regions;

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
    // Per (birth day, sex): the district stamp in the high 32 bits and the count of serials handed out in the low 32 bits.
    private readonly ulong[] _serials;
    private uint _stamp;
    private int _serialBase;
    private int _serialRange;

    internal ChunkGenerator(SyntheticModel model, SyntheticLayout layout, long seed)
    {
        _model = model;
        _layout = layout;
        _seed = seed;
        _serials = new ulong[model.BirthDayCount * 2];
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

    /// <summary>Returns the next serial for a birth day and sex in the current district.</summary>
    internal int NextSerial(int birthDay, Sex sex)
    {
        ref var entry = ref _serials[(_model.NikDateKey(birthDay) * 2) + (sex == Sex.Female ? 1 : 0)];
        var stamp = (ulong)_stamp << 32;
        var count = (entry & 0xFFFF_FFFF00000000) == stamp ? unchecked((uint)entry) : 0;
        entry = stamp | (count + 1);
        return 1 + _serialBase + (int)(count % (uint)_serialRange);
    }

    private void BeginDistrict(RegionCode district, int chunk, long districtStart, long districtEnd)
    {
        District = district;
        _stamp = unchecked(_stamp + 1);
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
