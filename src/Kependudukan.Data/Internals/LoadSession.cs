using System.Diagnostics;
using System.Runtime.CompilerServices;
using Kependudukan.Aggregation;
using Kependudukan.Aggregation.Internals;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Data.Internals;

/// <summary>The cells of one input row, by schema field; an absent column or a null cell reads as empty.</summary>
internal interface ICells
{
    ReadOnlySpan<char> this[int field] { get; }
}

/// <summary>One load from start to end: parses rows, runs the data-quality checks, counts, records issues, applies the error
/// policy and hands accepted rows to a fresh sink.</summary>
/// <remarks>Used by a single thread. The rows reach the caller only through <see cref="Complete"/>, so an exception or a
/// cancellation leaves nothing half-loaded. A parallel load gives each part of the input a session of its own
/// (<see cref="CreatePart"/>) and appends the parts in input order (<see cref="Append"/>).</remarks>
internal sealed class LoadSession
{
    internal const int CancellationInterval = 1024;
    internal const int ProgressInterval = 65_536;

    private readonly ResidentLoadOptions _options;
    private readonly ResidentSink _sink;
    private readonly IProgress<LoadProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly long[] _issueCounts = new long[(int)LoadIssueKind.UnknownRegion + 1];
    private List<LoadIssue> _issues = [];
    private readonly List<(int Field, LoadIssueKind Kind, string Problem)> _pending = [];
    private readonly RejectFileWriter? _rejects;
    private readonly List<LoadIssue>? _heldRejects;
    private readonly SharedProgress? _sharedProgress;
    private readonly bool _checkDuplicates;
    private readonly List<(int Row, long Delta)> _lineRuns = [];
    private long _lineDelta = long.MinValue;
    private readonly RegionCatalog? _catalog;
    private readonly LocalDate _asOf;
    private readonly bool _checkAsOf;
    private readonly bool _checkNik;
    private readonly bool _checkDeath;
    private readonly short _asOfDay;
    private readonly TableSink? _tableSink;
    private RegionCode _lastKnownRegion;
    private long _read;
    private long _accepted;
    private long _rejected;
    private long _warnings;
    private long _reportedRead;
    private long _reportedAccepted;
    private long _reportedRejected;

    internal LoadSession(ResidentLoadOptions? options, ResidentSink sink, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        _options = options ?? ResidentLoadOptions.Default;
        _sink = sink;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _rejects = _options.RejectWriter is { } writer ? new RejectFileWriter(writer) : null;
        _checkDuplicates = _options.DuplicateNik != FindingAction.Ignore;
        _catalog = _options.UnknownRegion == FindingAction.Ignore ? null : _options.RegionCatalog;
        _checkAsOf = _options.AsOf.HasValue && _options.BirthAfterAsOf != FindingAction.Ignore;
        _asOf = _options.AsOf.GetValueOrDefault();
        _checkNik = _options.NikMismatch != FindingAction.Ignore;
        _checkDeath = _options.DeathBeforeBirth != FindingAction.Ignore;
        _asOfDay = AsOfDay(_asOf);
        _tableSink = sink as TableSink;
        _sharedProgress = progress is null ? null : new SharedProgress(progress);
    }

    /// <summary>Initializes the session of one part of a parallel load: its own sink, counts, issues and line runs; rejected
    /// rows are held for the reject file and progress goes to the whole load.</summary>
    private LoadSession(LoadSession load, ResidentSink sink)
    {
        _options = load._options;
        _sink = sink;
        _cancellationToken = load._cancellationToken;
        _heldRejects = load._rejects is null ? null : [];
        _sharedProgress = load._sharedProgress;
        _checkDuplicates = load._checkDuplicates;
        _catalog = load._catalog;
        _checkAsOf = load._checkAsOf;
        _asOf = load._asOf;
        _checkNik = load._checkNik;
        _checkDeath = load._checkDeath;
        _asOfDay = load._asOfDay;
        _tableSink = sink as TableSink;
        AbsentColumns = load.AbsentColumns;
    }

    internal string[] AbsentColumns { get; private set; } = [];

    internal CancellationToken CancellationToken => _cancellationToken;

    /// <summary>Gets the CSV separator of the load.</summary>
    internal char Separator => _options.CsvSeparator;

    /// <summary>Gets the number of threads a load may use.</summary>
    internal int MaxDegreeOfParallelism => _options.MaxDegreeOfParallelism;

    /// <summary>Gets the smallest part of a file a parallel load gives a thread.</summary>
    internal long MinPartBytes => _options.MinPartBytes;

    /// <summary>Gets whether CSV loads skip the fast path (see <see cref="ResidentLoadOptions.GeneralPathOnly"/>).</summary>
    internal bool GeneralPathOnly => _options.GeneralPathOnly;

    /// <summary>Gets the number of rows read so far.</summary>
    internal long RowsRead => _read;

    /// <summary>Gets the number of rows accepted so far.</summary>
    internal long RowsAccepted => _accepted;

    /// <summary>Makes room for the number of rows a load expects in total (capped at the largest table).</summary>
    internal void Reserve(long rows) => _sink.Reserve((int)Math.Min(rows, Array.MaxLength));

    /// <summary>Gets whether a row without a NIK is rejected.</summary>
    internal bool NeedsNik => _sink.NeedsNik;

    /// <summary>Gets whether <see cref="TryAddEncoded"/> can add rows: the destination is a table.</summary>
    internal bool AcceptsEncoded => _tableSink is not null && TableSink.ColumnFormMatches;

    /// <summary>Maps the input's column names; throws <see cref="ResidentLoadException"/> for an unusable header.</summary>
    internal int[] MapColumns(IReadOnlyList<string> names, long headerLine)
    {
        var map = ColumnMap.Create(names, _sink.NeedsNik, headerLine);
        AbsentColumns = map.AbsentColumns;
        return map.SourceIndex;
    }

    /// <summary>Counts a row that cannot be split into cells (a CSV row with the wrong number of fields) and rejects it.</summary>
    internal void RejectRow(long line, LoadIssueKind kind, string problem)
    {
        _read++;
        _pending.Add((-1, kind, problem));
        Reject(line, default);
        AfterRow();
    }

    /// <summary>Parses, checks and adds one row.</summary>
    internal void AddRow<TCells>(scoped ref TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        _read++;
        var bad = false;

        Nik nik = default;
        var s = cells[Field.Nik];
        if (s.Length > 0)
        {
            bad |= !FieldParser.TryParseNik(s, out nik) && Invalid(Field.Nik, s);
        }
        else if (_sink.NeedsNik)
        {
            bad |= Missing(Field.Nik);
        }

        s = cells[Field.Domicile];
        RegionCode domicile = default;
        bad |= s.Length == 0 ? Missing(Field.Domicile) : !FieldParser.TryParseDomicile(s, out domicile) && Invalid(Field.Domicile, s);

        s = cells[Field.BirthDate];
        LocalDate birthDate = default;
        bad |= s.Length == 0 ? Missing(Field.BirthDate) : !FieldParser.TryParseDate(s, out birthDate) && Invalid(Field.BirthDate, s);

        s = cells[Field.Sex];
        var sex = Sex.None;
        bad |= s.Length == 0 ? Missing(Field.Sex) : !FieldParser.TryParseSex(s, out sex) && Invalid(Field.Sex, s);

        s = cells[Field.Citizenship];
        var citizenship = Citizenship.None;
        bad |= s.Length == 0 ? Missing(Field.Citizenship) : !FieldParser.TryParseCitizenship(s, out citizenship) && Invalid(Field.Citizenship, s);

        s = cells[Field.MaritalStatus];
        var marital = MaritalStatus.None;
        bad |= s.Length == 0 ? Missing(Field.MaritalStatus) : !FieldParser.TryParseMaritalStatus(s, out marital) && Invalid(Field.MaritalStatus, s);

        bad |= !TryOptionalDate(ref cells, Field.PermitExpiry, out var permitExpiry);
        s = cells[Field.LifeStatus];
        bad |= !FieldParser.TryParseLifeStatus(s, out var lifeStatus) && Invalid(Field.LifeStatus, s);
        bad |= !TryOptionalDate(ref cells, Field.LifeStatusDate, out var lifeStatusDate);
        s = cells[Field.KtpStatus];
        bad |= !FieldParser.TryParseKtpStatus(s, out var ktpStatus) && Invalid(Field.KtpStatus, s);
        bad |= !TryOptionalDate(ref cells, Field.RecordingDate, out var recordingDate);
        s = cells[Field.BirthCertificate];
        bad |= !FieldParser.TryParseFlag(s, out var birthCertificate) && Invalid(Field.BirthCertificate, s);
        s = cells[Field.Kia];
        bad |= !FieldParser.TryParseFlag(s, out var kia) && Invalid(Field.Kia, s);

        if (bad)
        {
            Reject(line, nik);
            AfterRow();
            return;
        }

        var row = Rows.Create(nik, domicile, birthDate, sex, citizenship, permitExpiry, marital, lifeStatus, lifeStatusDate, ktpStatus, recordingDate,
            birthCertificate, kia);
        Accept(in row, line);
        AfterRow();
    }

    /// <summary>Adds a row read straight into column form, unless a data-quality check the load runs would report it.</summary>
    /// <param name="cells">The row, read by <see cref="Utf8RowParser.TryParseEncoded"/>.</param>
    /// <param name="line">The line the row starts on.</param>
    /// <returns><see langword="true"/> when the row was counted and added; <see langword="false"/>, with nothing counted, when
    /// it raises a finding: the caller then reads it again into a <see cref="ResidentRow"/> for <see cref="AddParsedRow"/>,
    /// which reports it. The checks are those of <see cref="Accept"/>, on day numbers.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAddEncoded(in EncodedCells cells, long line)
    {
        Debug.Assert(_tableSink is not null, "Only a table takes rows in column form.");
        ref readonly var row = ref cells.Row;

        // A leave day other than Always and Never is a date of death or of moving abroad; Never sorts after every birth.
        if ((_checkDeath && row.Leave < row.Birth && row.Leave != DayNumber.Always)
            || (_checkAsOf && row.Birth > _asOfDay)
            || (_checkNik && !cells.NikAgrees)
            || (_catalog is not null && row.Domicile != _lastKnownRegion && !IsKnownRegion(row.Domicile)))
        {
            return false;
        }

        _read++;
        _tableSink!.AddEncoded(in row);
        CountAccepted(line);
        AfterRow();
        return true;
    }

    /// <summary>Returns the day number a birth is compared with for <see cref="LoadIssueKind.BirthAfterAsOf"/>: exact for a
    /// storable as-of date, <see cref="DayNumber.Always"/> before them (every birth is after it) and
    /// <see cref="DayNumber.MaxValid"/> after them (no birth is), for any ISO date (see <see cref="ResidentLoadOptions.AsOf"/>).</summary>
    private static short AsOfDay(LocalDate asOf) =>
        asOf < DayNumber.MinDate ? DayNumber.Always
        : asOf > DayNumber.MaxDate ? DayNumber.MaxValid
        : DayNumber.FromDate(asOf);

    /// <summary>Counts an accepted row and keeps its line for the repeated-NIK search.</summary>
    /// <remarks>Repeated NIKs are found among the accepted rows after the last one (a row rejected for another reason is no
    /// earlier row for a duplicate); their lines are kept as runs where the line is the accepted-row index plus a constant.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountAccepted(long line)
    {
        if (_checkDuplicates && line - _accepted != _lineDelta)
        {
            _lineDelta = line - _accepted;
            _lineRuns.Add((checked((int)_accepted), _lineDelta));
        }

        _accepted++;
    }

    /// <summary>Returns whether the region catalog holds a village, remembering the last one found.</summary>
    private bool IsKnownRegion(RegionCode domicile)
    {
        if (!_catalog!.Contains(domicile))
        {
            return false;
        }

        _lastKnownRegion = domicile;
        return true;
    }

    /// <summary>Checks and adds a row whose cells were all read without an issue.</summary>
    internal void AddParsedRow(in ResidentRow row, long line)
    {
        _read++;
        Accept(in row, line);
        AfterRow();
    }

    /// <summary>Runs the data-quality checks on a parsed row and adds it, or rejects it.</summary>
    private void Accept(in ResidentRow row, long line)
    {
        var reject = false;
        if (row.LifeStatus != LifeStatus.Alive && row.LifeStatusDate is { } date && date < row.BirthDate)
        {
            reject |= Finding(Field.LifeStatusDate, LoadIssueKind.DeathBeforeBirth, "The date of death or of moving abroad is before the birth date.");
        }

        if (_checkAsOf && row.BirthDate > _asOf)
        {
            reject |= Finding(Field.BirthDate, LoadIssueKind.BirthAfterAsOf, "The birth date is after the as-of date of the load.");
        }

        var nik = row.Nik;
        if (_checkNik && nik != default)
        {
            // The parts of DDMMYY from one division chain (as Nik.BirthDay, BirthMonth, BirthYearOfCentury and Sex read them).
            var digits = nik.Value / 10_000;
            var yy = (int)(digits % 100);
            digits /= 100;
            var month = (int)(digits % 100);
            var encodedDay = (int)(digits / 100 % 100);
            var birth = row.BirthDate;
            if (birth.Day != (encodedDay > 40 ? encodedDay - 40 : encodedDay) || birth.Month != month || birth.Year % 100 != yy)
            {
                reject |= Finding(Field.Nik, LoadIssueKind.NikBirthDateMismatch, "The birth digits of the NIK (DDMMYY) disagree with the birth date.");
            }

            if ((encodedDay > 40 ? Sex.Female : Sex.Male) != row.Sex)
            {
                reject |= Finding(Field.Nik, LoadIssueKind.NikSexMismatch, "The sex encoded in the NIK (day above 40 for women) disagrees with the sex.");
            }
        }

        if (_catalog is not null && row.Domicile != _lastKnownRegion && !IsKnownRegion(row.Domicile))
        {
            reject |= Finding(Field.Domicile, LoadIssueKind.UnknownRegion, "The village code is not in the region catalog.");
        }

        if (!reject && _sink.TryAdd(in row) is { } error)
        {
            var (field, problem) = DescribeRefusal(error);
            _pending.Add((field, LoadIssueKind.InvalidValue, problem));
            reject = true;
        }

        if (reject)
        {
            Reject(line, nik);
            return;
        }

        CountAccepted(line);
        if (_pending.Count > 0)
        {
            Flush(line, nik, rejected: false);
        }
    }

    /// <summary>Turns the destination's refusal of a row into a column and a problem without values: the row prefix
    /// (<c>Row 5 (NIK ...): </c>), anything from <c>; got</c> on and the parameter suffix are dropped, and the column is taken
    /// from the property the message starts with, or from the parameter name.</summary>
    internal static (int Field, string Problem) DescribeRefusal(ArgumentException error)
    {
        var text = error.Message.AsSpan();
        if (error.ParamName is { } name && text.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            text = text[..^(name.Length + 15)];
        }

        if (text.StartsWith("Row ", StringComparison.Ordinal) && text.IndexOf("): ", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 3)..];
        }

        if (text.IndexOf("; got", StringComparison.Ordinal) is var got and > 0)
        {
            text = string.Concat(text[..got], ".");
        }

        var space = text.IndexOf(' ');
        var field = Field.FromPropertyName(space > 0 ? text[..space].ToString() : null);
        return (field >= 0 ? field : Field.FromPropertyName(error.ParamName), "The row cannot be stored: " + text.ToString());
    }

    /// <summary>Finishes the load: flushes the reject file, reports the last progress and builds the summary.</summary>
    internal LoadSummary Complete()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        RejectRepeatedNiks();
        _rejects?.Complete();
        _progress?.Report(new LoadProgress(_read, _accepted, _rejected));
        return new LoadSummary(_read, _accepted, _rejected, _issueCounts, _issues.AsReadOnly(), AbsentColumns, Stopwatch.GetElapsedTime(_started))
        {
            Warnings = _warnings,
        };
    }

    /// <summary>Reports every accepted row whose NIK an earlier accepted row has, and takes it out when duplicates are rejected.</summary>
    /// <remarks>Runs after the last row, so these issues come last in the reject file; <see cref="LoadSummary.Issues"/> is put
    /// back in input order.</remarks>
    private void RejectRepeatedNiks()
    {
        if (!_checkDuplicates)
        {
            return;
        }

        var repeats = _sink.FindRepeatedNiks(_options.MaxDegreeOfParallelism, _cancellationToken);
        if (repeats.Length == 0)
        {
            return;
        }

        var reject = _options.DuplicateNik == FindingAction.Reject;
        foreach (var row in repeats)
        {
            var nik = _sink.NikOf(row);
            var line = LineOf(row);
            _pending.Add((Field.Nik, LoadIssueKind.DuplicateNik, "The NIK appears in an earlier row of this load."));
            if (reject)
            {
                _accepted--;
                Reject(line, nik);
            }
            else
            {
                Flush(line, nik, rejected: false);
            }
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (reject)
        {
            _sink.Remove(repeats);
        }

        _issues = [.. _issues.OrderBy(i => i.Line)];
    }

    /// <summary>Returns the line (or row number) of an accepted row, by its index among the accepted rows.</summary>
    private long LineOf(int row)
    {
        var low = 0;
        var high = _lineRuns.Count - 1;
        while (low < high)
        {
            // The last run starting at or before the row.
            var middle = (low + high + 1) / 2;
            if (_lineRuns[middle].Row <= row)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return row + _lineRuns[low].Delta;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AfterRow()
    {
        if (_read % CancellationInterval == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_sharedProgress is not null)
            {
                ReportProgress();
            }
        }
    }

    /// <summary>Adds the rows since the last call to the load's progress, which reports every 65,536 rows.</summary>
    private void ReportProgress()
    {
        _sharedProgress!.Add(_read - _reportedRead, _accepted - _reportedAccepted, _rejected - _reportedRejected);
        (_reportedRead, _reportedAccepted, _reportedRejected) = (_read, _accepted, _rejected);
    }

    /// <summary>Creates the session of one part of a parallel load of the input, filling <paramref name="sink"/>.</summary>
    internal LoadSession CreatePart(ResidentSink sink) => new(this, sink);

    /// <summary>Appends a part's rows, counts, issues, rejected rows and line runs after the rows read so far.</summary>
    /// <param name="part">The part, read completely without an exception.</param>
    /// <param name="lineOffset">The line of the part's first row minus the line the part counted it on.</param>
    internal void Append(LoadSession part, long lineOffset)
    {
        if (_sharedProgress is not null)
        {
            part.ReportProgress();
        }

        _read += part._read;
        _rejected += part._rejected;
        _warnings += part._warnings;
        for (var kind = 0; kind < _issueCounts.Length; kind++)
        {
            _issueCounts[kind] += part._issueCounts[kind];
        }

        foreach (var issue in part._issues)
        {
            if (_issues.Count == _options.MaxIssues)
            {
                break;
            }

            _issues.Add(issue with { Line = issue.Line + lineOffset });
        }

        foreach (var issue in part._heldRejects ?? [])
        {
            _rejects!.Write(issue with { Line = issue.Line + lineOffset });
        }

        foreach (var (row, delta) in part._lineRuns)
        {
            // The part's row r on its line r + delta is row r + accepted of the load, on line r + delta + lineOffset.
            var loadDelta = delta + lineOffset - _accepted;
            if (loadDelta != _lineDelta)
            {
                _lineRuns.Add((checked((int)(row + _accepted)), loadDelta));
                _lineDelta = loadDelta;
            }
        }

        _sink.Append(part._sink);
        _accepted += part._accepted;
        (_reportedRead, _reportedAccepted, _reportedRejected) = (_read, _accepted, _rejected);
    }

    /// <summary>Throws the exception a part of a parallel load ended with, if any: a rejected row under
    /// <see cref="LoadErrorPolicy.FailFast"/> with the line of the whole input, anything else as it was thrown.</summary>
    /// <param name="error">The part's exception, or <see langword="null"/>.</param>
    /// <param name="lineOffset">The line of the part's first row minus the line the part counted it on.</param>
    internal static void ThrowIfPartFailed(Exception? error, long lineOffset)
    {
        if (error is ResidentLoadException rejected)
        {
            throw new ResidentLoadException(rejected.Issue with { Line = rejected.Issue.Line + lineOffset });
        }

        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }

    private bool TryOptionalDate<TCells>(scoped ref TCells cells, int field, out LocalDate? date)
        where TCells : ICells, allows ref struct
    {
        var s = cells[field];
        if (s.Length == 0)
        {
            date = null;
            return true;
        }

        if (FieldParser.TryParseDate(s, out var value))
        {
            date = value;
            return true;
        }

        date = null;
        return !Invalid(field, s);
    }

    /// <summary>Records a cell that failed to parse; a cell of white space counts as empty.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Invalid(int field, ReadOnlySpan<char> s)
    {
        if (s.IsWhiteSpace())
        {
            return (Field.IsRequired(field) || (field == Field.Nik && _sink.NeedsNik)) && Missing(field);
        }

        _pending.Add((field, LoadIssueKind.InvalidValue, FieldParser.Explain(field, s)));
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Missing(int field)
    {
        var problem = field == Field.Nik
            ? "A NIK is required to create a Resident; load into a PopulationTable to keep rows without one."
            : Invariant($"The required value {Field.Names[field]} is empty.");
        _pending.Add((field, LoadIssueKind.MissingValue, problem));
        return true;
    }

    /// <summary>Records a data-quality finding according to its action; returns whether it rejects the row.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Finding(int field, LoadIssueKind kind, string problem)
    {
        var action = _options.GetAction(kind);
        if (action == FindingAction.Ignore)
        {
            return false;
        }

        _pending.Add((field, kind, problem));
        return action == FindingAction.Reject;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Reject(long line, Nik nik)
    {
        _rejected++;
        if (_options.ErrorPolicy == LoadErrorPolicy.FailFast)
        {
            var (field, kind, problem) = _pending.Find(p => _options.GetAction(p.Kind) == FindingAction.Reject);
            throw new ResidentLoadException(CreateIssue(line, field, kind, problem, rejected: true, nik));
        }

        Flush(line, nik, rejected: true);
    }

    private void Flush(long line, Nik nik, bool rejected)
    {
        foreach (var (field, kind, problem) in _pending)
        {
            var issue = CreateIssue(line, field, kind, problem, rejected, nik);
            _issueCounts[(int)kind]++;
            if (!rejected)
            {
                _warnings++;
            }

            if (_issues.Count < _options.MaxIssues)
            {
                _issues.Add(issue);
            }

            if (rejected)
            {
                _rejects?.Write(issue);
                _heldRejects?.Add(issue);
            }
        }

        _pending.Clear();
    }

    private static LoadIssue CreateIssue(long line, int field, LoadIssueKind kind, string problem, bool rejected, Nik nik) =>
        new(line, field < 0 ? string.Empty : Field.Names[field], kind, problem, rejected, nik.ToMaskedString());
}
