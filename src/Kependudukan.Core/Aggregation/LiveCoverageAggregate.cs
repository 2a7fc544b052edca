using Kependudukan.Aggregation.Internals;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;
using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation;

/// <summary>Coverage counts per region kept up to date as residents change: each birth, death, move or status change costs
/// O(1), and moving the as-of date by a day touches only the residents whose status changes that day.</summary>
/// <remarks>
/// <para>The aggregate starts from a <see cref="PopulationTable"/> and a level. Residents are identified by their row index in
/// the table (<see cref="PopulationTable.GetRow"/>); residents added later get the next indexes. An update subtracts the
/// resident's old contribution from its region and adds the new one; no other resident is looked at.</para>
/// <para>Moving the as-of date (<see cref="AdvanceTo"/>) recounts only the residents born on the days whose 16th, 17th or
/// 18th birthday (or birth) falls between the two dates, and those recorded, deceased, moved abroad or whose ITAP expired
/// on them, found through an index by day. Counts always equal <see cref="ResidentCounter.CountByRegion"/> over the current
/// residents on the current date; <see cref="CoverageCounts.NewlyWajibKtp"/> is 0.</para>
/// <para>The aggregate keeps about 20 bytes per resident (its own copy of the four working-set columns, the region of each
/// resident and the index by day), plus the values of each resident updated or added.</para>
/// </remarks>
/// <threadsafety>Safe for one writer and any number of readers at once. Updates are serialised; <see cref="GetSnapshot"/>
/// returns an immutable <see cref="CoverageResult"/> taken between two updates, never a half-applied one.</threadsafety>
public sealed class LiveCoverageAggregate
{
    private const int TrackedAges = 3;

    private static readonly int[] s_trackedAges = [KtpEligibilityPolicy.MinimumRecordingAge, KtpEligibilityPolicy.WajibKtpAge, KtpEligibilityPolicy.ChildAgeLimit];

    private readonly Lock _gate = new();
    private readonly PopulationTable _table;
    private readonly KtpEligibilityPolicy _policy;
    private readonly RecordingStatusMapping _mapping;
    private readonly Dictionary<RegionCode, int> _regionIndex = [];
    private readonly List<RegionCode> _regions = [];
    private readonly Dictionary<int, ResidentRow> _changed = [];
    private readonly Dictionary<int, LocalDate> _permitExpiry = [];
    private readonly Dictionary<short, List<int>> _laterEvents = [];
    private readonly int[] _eventStarts;
    private readonly int[] _events;
    private short[] _birth;
    private ushort[] _flags;
    private short[] _recording;
    private short[] _leave;
    private int[] _region;
    private long[] _counters = [];
    private int[] _residents = [];
    private int _count;
    private ScanParameters _parameters;
    private CoverageResult? _snapshot;

    /// <summary>Initializes an aggregate of a table on an as-of date.</summary>
    /// <param name="table">The starting population.</param>
    /// <param name="asOf">The as-of date (ISO calendar).</param>
    /// <param name="level">The level of the regions counted.</param>
    /// <param name="policy">The eligibility policy; <see langword="null"/> for <see cref="KtpEligibilityPolicy.Default"/>.</param>
    /// <param name="mapping">The status mapping; <see langword="null"/> for <see cref="RecordingStatusMapping.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not Province, Regency, District or Village.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public LiveCoverageAggregate(PopulationTable table, LocalDate asOf, RegionLevel level, KtpEligibilityPolicy? policy = null, RecordingStatusMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        CoverageEngine.CheckQuery(asOf, level, null);
        _table = table;
        _policy = policy ?? KtpEligibilityPolicy.Default;
        _mapping = mapping ?? RecordingStatusMapping.Default;
        Level = level;
        _parameters = ScanParameters.Create(_policy, _mapping, asOf, null);
        _birth = (short[])table.Birth.Clone();
        _flags = (ushort[])table.Flags.Clone();
        _recording = (short[])table.Recording.Clone();
        _leave = (short[])table.Leave.Clone();
        _region = new int[table.Count];
        _count = table.Count;
        var ranges = table.GetRanges(level);
        for (var r = 0; r < ranges.Count; r++)
        {
            var region = RegionIndex(ranges.Codes[r]);
            _region.AsSpan(ranges.Starts[r], ranges.Starts[r + 1] - ranges.Starts[r]).Fill(region);
        }

        for (var i = 0; i < table.PermitRows.Length; i++)
        {
            if (RowFlags.GetCitizenship(table.Flags[table.PermitRows[i]]) == Citizenship.ForeignerWithItap)
            {
                _permitExpiry[table.PermitRows[i]] = table.PermitExpiries[i];
            }
        }

        (_eventStarts, _events) = IndexEvents();
        for (var key = 0; key < _count; key++)
        {
            _residents[_region[key]]++;
            Apply(key, _parameters, 1);
        }
    }

    /// <summary>Gets the level of the regions counted.</summary>
    /// <value>The level given at construction.</value>
    public RegionLevel Level { get; }

    /// <summary>Gets the current as-of date.</summary>
    /// <value>The date of the counts.</value>
    public LocalDate AsOf
    {
        get
        {
            lock (_gate)
            {
                return _parameters.AsOfDate;
            }
        }
    }

    /// <summary>Gets the number of residents, including those added.</summary>
    /// <value>The table's row count plus the residents added.</value>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Returns the current counts: an immutable snapshot, shared by readers until the next update.</summary>
    /// <returns>Counts per region with at least one resident, on <see cref="AsOf"/>.</returns>
    public CoverageResult GetSnapshot()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            return snapshot;
        }

        lock (_gate)
        {
            return _snapshot ??= CreateSnapshot();
        }
    }

    /// <summary>Returns a resident's current values.</summary>
    /// <param name="id">The resident: a row index of the table, or an index returned by <see cref="Add"/>.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a resident of this aggregate.</exception>
    public ResidentRow GetResident(int id)
    {
        lock (_gate)
        {
            var key = Key(id);
            return _changed.TryGetValue(key, out var row) ? row : _table.GetStorageRow(key);
        }
    }

    /// <summary>Adds a resident (a birth or a newcomer).</summary>
    /// <param name="row">The resident's values.</param>
    /// <returns>The new resident's id.</returns>
    /// <exception cref="ArgumentException">A value is invalid (as for <see cref="PopulationTableBuilder.Add(in ResidentRow)"/>).</exception>
    public int Add(in ResidentRow row)
    {
        Check(row, nameof(row));
        lock (_gate)
        {
            var key = _count;
            if (key == _birth.Length)
            {
                var capacity = Math.Max(16, key * 2);
                Array.Resize(ref _birth, capacity);
                Array.Resize(ref _flags, capacity);
                Array.Resize(ref _recording, capacity);
                Array.Resize(ref _leave, capacity);
                Array.Resize(ref _region, capacity);
            }

            _count = key + 1;
            Store(key, row, added: true);
            _residents[_region[key]]++;
            Apply(key, _parameters, 1);
            Volatile.Write(ref _snapshot, null);
            return key;
        }
    }

    /// <summary>Replaces a resident's values: a status change, a recording, a death, a move between regions, a correction.</summary>
    /// <param name="id">The resident.</param>
    /// <param name="row">The new values.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a resident of this aggregate.</exception>
    /// <exception cref="ArgumentException">A value is invalid (as for <see cref="PopulationTableBuilder.Add(in ResidentRow)"/>).</exception>
    public void Update(int id, in ResidentRow row)
    {
        Check(row, nameof(row));
        lock (_gate)
        {
            var key = Key(id);
            Apply(key, _parameters, -1);
            _residents[_region[key]]--;
            Store(key, row);
            _residents[_region[key]]++;
            Apply(key, _parameters, 1);
            Volatile.Write(ref _snapshot, null);
        }
    }

    /// <summary>Moves the as-of date, recounting only the residents whose status changes between the two dates.</summary>
    /// <param name="asOf">The new as-of date (ISO calendar), later or earlier than <see cref="AsOf"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public void AdvanceTo(LocalDate asOf)
    {
        CoverageEngine.CheckQuery(asOf, Level, null);
        lock (_gate)
        {
            var candidates = new HashSet<int>();
            while (_parameters.AsOfDate != asOf)
            {
                var next = _parameters.AsOfDate < asOf ? _parameters.AsOfDate.PlusDays(1) : _parameters.AsOfDate.PlusDays(-1);
                var nextParameters = ScanParameters.Create(_policy, _mapping, next, null);
                Step(_parameters, nextParameters, candidates);
                _parameters = nextParameters;
            }

            Volatile.Write(ref _snapshot, null);
        }
    }

    private static void Check(in ResidentRow row, string paramName)
    {
        var error = PopulationTableBuilder.Validate(row);
        if (error is not null)
        {
            throw new ArgumentException(Invariant($"Resident (NIK {(row.Nik == default ? "none" : row.Nik.ToMaskedString())}): {error}"), paramName);
        }
    }

    /// <summary>Recounts, for one day's move of the as-of date, the residents whose status can differ between the two days.</summary>
    private void Step(in ScanParameters from, in ScanParameters to, HashSet<int> candidates)
    {
        var earlier = from.AsOf <= to.AsOf ? from : to;
        var later = from.AsOf <= to.AsOf ? to : from;
        candidates.Clear();

        // Born, or turning 16, 17 or 18, on a day between the two dates.
        AddBirthWindow(earlier.AsOf, later.AsOf, candidates);
        AddBirthWindow(earlier.Born16, later.Born16, candidates);
        AddBirthWindow(earlier.Born17, later.Born17, candidates);
        AddBirthWindow(earlier.Born18, later.Born18, candidates);

        // Recorded, deceased, moved abroad or permit expired on the later day.
        AddDay(later.AsOf, candidates);
        foreach (var key in candidates)
        {
            Apply(key, from, -1);
            Apply(key, to, 1);
        }
    }

    private void AddBirthWindow(short after, short upTo, HashSet<int> candidates)
    {
        for (var day = after + 1; day <= upTo; day++)
        {
            AddDay((short)day, candidates);
        }
    }

    /// <summary>Adds the residents with an event (birth, recording, leaving, permit end) on a day; stale entries of residents
    /// updated since are harmless, since recounting an unchanged resident changes nothing.</summary>
    private void AddDay(short day, HashSet<int> candidates)
    {
        var offset = day - DayNumber.MinValid;
        if (offset >= 0 && offset < _eventStarts.Length - 1)
        {
            for (var i = _eventStarts[offset]; i < _eventStarts[offset + 1]; i++)
            {
                candidates.Add(_events[i]);
            }
        }

        if (_laterEvents.TryGetValue(day, out var later))
        {
            candidates.UnionWith(later);
        }
    }

    private void Apply(int key, in ScanParameters p, long sign)
    {
        var flags = _flags[key];
        var eligible = RowFlags.IsEligibleCitizen(flags) && !(_permitExpiry.TryGetValue(key, out var expiry) && expiry < p.AsOfDate);
        var counters = _counters.AsSpan(_region[key] * RawCounter.Count, RawCounter.Count);
        ScalarCoverageKernel.CountRow(_birth[key], flags, _recording[key], _leave[key], p, eligible, eligible, counters, sign);
    }

    private void Store(int key, in ResidentRow row, bool added = false)
    {
        // The day index only needs a new entry when one of the resident's event days changes.
        var oldBirth = added ? DayNumber.Always : _birth[key];
        var oldRecording = added ? DayNumber.Always : _recording[key];
        var oldLeave = added ? DayNumber.Always : _leave[key];
        var oldPermitEnd = !added && _permitExpiry.TryGetValue(key, out var oldExpiry) ? DayNumber.Threshold(oldExpiry.PlusDays(1)) : DayNumber.Always;
        _changed[key] = row;
        _birth[key] = DayNumber.FromDate(row.BirthDate);
        _flags[key] = RowFlags.Pack(row);
        _recording[key] = DayNumber.RecordingDay(row);
        _leave[key] = DayNumber.LeaveDay(row);
        _region[key] = RegionIndex(row.Domicile.ToLevel(Level));
        if (row.Citizenship == Citizenship.ForeignerWithItap && row.PermitExpiry is { } expiry)
        {
            _permitExpiry[key] = expiry;
            AddLaterEvent(DayNumber.Threshold(expiry.PlusDays(1)), oldPermitEnd, key);
        }
        else
        {
            _permitExpiry.Remove(key);
        }

        AddLaterEvent(_birth[key], oldBirth, key);
        AddLaterEvent(_recording[key], oldRecording, key);
        AddLaterEvent(_leave[key], oldLeave, key);
    }

    private void AddLaterEvent(short day, short previousDay, int key)
    {
        if (day == previousDay || day is DayNumber.Always or DayNumber.Never)
        {
            return;
        }

        if (!_laterEvents.TryGetValue(day, out var keys))
        {
            _laterEvents[day] = keys = [];
        }

        keys.Add(key);
    }

    private int RegionIndex(RegionCode code)
    {
        if (!_regionIndex.TryGetValue(code, out var index))
        {
            index = _regions.Count;
            _regionIndex.Add(code, index);
            _regions.Add(code);
            Array.Resize(ref _counters, _regions.Count * RawCounter.Count);
            Array.Resize(ref _residents, _regions.Count);
        }

        return index;
    }

    private int Key(int id)
    {
        Preconditions.CheckArgumentRange(nameof(id), id, 0, _count - 1);
        return id < _table.Count ? _table.StorageRowOf(id) : id;
    }

    /// <summary>Indexes the table's residents by the days of their birth, recording, leaving and permit end (counting sort).</summary>
    private (int[] Starts, int[] Events) IndexEvents()
    {
        const int Days = DayNumber.MaxValid - DayNumber.MinValid + 1;
        var starts = new int[Days + 1];
        var permitEnds = _permitExpiry.ToDictionary(p => p.Key, p => DayNumber.Threshold(p.Value.PlusDays(1)));
        void ForEachEvent(Action<short, int> action)
        {
            for (var key = 0; key < _count; key++)
            {
                action(_birth[key], key);
                if (_recording[key] != DayNumber.Always)
                {
                    action(_recording[key], key);
                }

                if (_leave[key] is not DayNumber.Always and not DayNumber.Never)
                {
                    action(_leave[key], key);
                }
            }

            foreach (var (key, day) in permitEnds)
            {
                if (day is not DayNumber.Always and not DayNumber.Never)
                {
                    action(day, key);
                }
            }
        }

        ForEachEvent((day, _) => starts[day - DayNumber.MinValid + 1]++);
        for (var d = 0; d < Days; d++)
        {
            starts[d + 1] += starts[d];
        }

        var events = new int[starts[Days]];
        var next = starts[..^1];
        ForEachEvent((day, key) => events[next[day - DayNumber.MinValid]++] = key);
        return (starts, events);
    }

    private CoverageResult CreateSnapshot()
    {
        var order = Enumerable.Range(0, _regions.Count).Where(r => _residents[r] > 0).OrderBy(r => _regions[r]).ToArray();
        var codes = new RegionCode[order.Length];
        var counts = new CoverageCounts[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            codes[i] = _regions[order[i]];
            counts[i] = RawCounter.ToCounts(_counters.AsSpan(order[i] * RawCounter.Count, RawCounter.Count));
        }

        return new CoverageResult(_parameters.AsOfDate, Level, null, codes, counts);
    }
}
