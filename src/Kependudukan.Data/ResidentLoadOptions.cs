using Kependudukan.Regions;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Data;

/// <summary>How a resident load treats bad rows and which data-quality checks it runs.</summary>
/// <remarks>
/// <para>The defaults: fail fast, no reject file, no as-of date (so <see cref="LoadIssueKind.BirthAfterAsOf"/> is not checked),
/// no region catalog (so <see cref="LoadIssueKind.UnknownRegion"/> is not checked), duplicate NIKs and deaths before birth
/// rejected, NIK mismatches and unknown regions warned, CSV separator <c>,</c>, the first 1,000 issues kept in the summary,
/// and every processor used (see <see cref="MaxDegreeOfParallelism"/>).</para>
/// <para>NIK mismatches only warn by default because the NIK is never reissued: a birth date corrected after registration
/// leaves the old digits in the NIK, and the resident still exists.</para>
/// <para>Each property checks its value when set, so <c>with</c> expressions cannot produce invalid options.</para>
/// </remarks>
/// <threadsafety>Instances are immutable; <see cref="RejectWriter"/> must not be shared by loads running at the same time.</threadsafety>
public sealed record ResidentLoadOptions
{
    private readonly LoadErrorPolicy _errorPolicy = LoadErrorPolicy.FailFast;
    private readonly FindingAction _duplicateNik = FindingAction.Reject;
    private readonly FindingAction _birthAfterAsOf = FindingAction.Reject;
    private readonly FindingAction _deathBeforeBirth = FindingAction.Reject;
    private readonly FindingAction _nikMismatch = FindingAction.Warn;
    private readonly FindingAction _unknownRegion = FindingAction.Warn;
    private readonly int _maxIssues = 1000;
    private readonly char _csvSeparator = ',';
    private readonly int _maxDegreeOfParallelism;
    private readonly LocalDate? _asOf;
    private readonly long _minPartBytes = 16 << 20;

    /// <summary>Gets the default options described in the remarks.</summary>
    /// <value>The shared default options.</value>
    public static ResidentLoadOptions Default { get; } = new();

    /// <summary>Gets what happens to a row that is rejected.</summary>
    /// <value>The default is <see cref="LoadErrorPolicy.FailFast"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="LoadErrorPolicy.None"/> or an undefined value.</exception>
    public LoadErrorPolicy ErrorPolicy
    {
        get => _errorPolicy;
        init => _errorPolicy = CheckEnum(value, (int)LoadErrorPolicy.FailFast, (int)LoadErrorPolicy.Quarantine, nameof(ErrorPolicy));
    }

    /// <summary>Gets the writer that receives one CSV line per problem of every rejected row (see the package README for its columns).</summary>
    /// <value>The default is <see langword="null"/>: rejected rows are reported in <see cref="LoadSummary"/> only. The load writes a
    /// header and its lines and flushes the writer, but does not dispose it. No value of the input row is written, only the
    /// masked NIK.</value>
    public TextWriter? RejectWriter { get; init; }

    /// <summary>Gets the date the data describes, for <see cref="LoadIssueKind.BirthAfterAsOf"/>.</summary>
    /// <value>The default is <see langword="null"/>: births are not compared with a date.</value>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar (the one birth dates are read in).</exception>
    public LocalDate? AsOf
    {
        get => _asOf;
        init => _asOf = value is { } date && date.Calendar != CalendarSystem.Iso
            ? throw new ArgumentException($"The as-of date should be in the ISO calendar, the calendar of the birth dates it is compared with; got calendar {date.Calendar.Id}.", nameof(AsOf))
            : value;
    }

    /// <summary>Gets the catalog that domicile codes are checked against, for <see cref="LoadIssueKind.UnknownRegion"/>.</summary>
    /// <value>The default is <see langword="null"/>: domicile codes are only checked for syntax and level.</value>
    public RegionCatalog? RegionCatalog { get; init; }

    /// <summary>Gets the action for a NIK seen in an earlier accepted row of the same load (<see cref="LoadIssueKind.DuplicateNik"/>).</summary>
    /// <value>The default is <see cref="FindingAction.Reject"/>: the first row with the NIK is kept. Duplicates are found after
    /// the last row (one search over the accepted rows' NIKs), so under <see cref="LoadErrorPolicy.FailFast"/> they throw only after every row was
    /// read, and in the reject file they follow the other rejected rows.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="FindingAction.None"/> or an undefined value.</exception>
    public FindingAction DuplicateNik
    {
        get => _duplicateNik;
        init => _duplicateNik = CheckAction(value, nameof(DuplicateNik));
    }

    /// <summary>Gets the action for a birth after <see cref="AsOf"/> (<see cref="LoadIssueKind.BirthAfterAsOf"/>).</summary>
    /// <value>The default is <see cref="FindingAction.Reject"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="FindingAction.None"/> or an undefined value.</exception>
    public FindingAction BirthAfterAsOf
    {
        get => _birthAfterAsOf;
        init => _birthAfterAsOf = CheckAction(value, nameof(BirthAfterAsOf));
    }

    /// <summary>Gets the action for a death or move abroad dated before the birth (<see cref="LoadIssueKind.DeathBeforeBirth"/>).</summary>
    /// <value>The default is <see cref="FindingAction.Reject"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="FindingAction.None"/> or an undefined value.</exception>
    public FindingAction DeathBeforeBirth
    {
        get => _deathBeforeBirth;
        init => _deathBeforeBirth = CheckAction(value, nameof(DeathBeforeBirth));
    }

    /// <summary>Gets the action for a NIK whose birth digits or sex disagree with the record
    /// (<see cref="LoadIssueKind.NikBirthDateMismatch"/>, <see cref="LoadIssueKind.NikSexMismatch"/>).</summary>
    /// <value>The default is <see cref="FindingAction.Warn"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="FindingAction.None"/> or an undefined value.</exception>
    public FindingAction NikMismatch
    {
        get => _nikMismatch;
        init => _nikMismatch = CheckAction(value, nameof(NikMismatch));
    }

    /// <summary>Gets the action for a domicile missing from <see cref="RegionCatalog"/> (<see cref="LoadIssueKind.UnknownRegion"/>).</summary>
    /// <value>The default is <see cref="FindingAction.Warn"/>; without a catalog nothing is checked.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see cref="FindingAction.None"/> or an undefined value.</exception>
    public FindingAction UnknownRegion
    {
        get => _unknownRegion;
        init => _unknownRegion = CheckAction(value, nameof(UnknownRegion));
    }

    /// <summary>Gets how many issues <see cref="LoadSummary.Issues"/> keeps; the counts always cover every issue.</summary>
    /// <value>The default is 1,000; 0 keeps none.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int MaxIssues
    {
        get => _maxIssues;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxIssues));
            _maxIssues = value;
        }
    }

    /// <summary>Gets the field separator of CSV input (ignored by Parquet and database loads).</summary>
    /// <value>The default is <c>,</c>. Files saved by spreadsheets in the Indonesian locale often use <c>;</c>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a letter, digit, quote, line break or a character outside ASCII.</exception>
    public char CsvSeparator
    {
        get => _csvSeparator;
        init
        {
            if (value > 127 || char.IsLetterOrDigit(value) || value is '"' or '\r' or '\n' or ' ' || (char.IsControl(value) && value != '\t'))
            {
                throw new ArgumentOutOfRangeException(nameof(CsvSeparator), (int)value,
                    Invariant($"The CSV separator should be an ASCII punctuation character or tab; got U+{(int)value:X4}."));
            }

            _csvSeparator = value;
        }
    }

    /// <summary>Gets the largest number of threads a load uses.</summary>
    /// <value>1 or more; the default (also when set to 0) is <see cref="Environment.ProcessorCount"/>. A CSV file of at least
    /// 32 MB loaded by path into a table is read in parts, one per thread, each into a table builder of its own, and the parts
    /// are appended in file order: the table, the counts, the issues, the reject file and the exception of
    /// <see cref="LoadErrorPolicy.FailFast"/> are the same as with one thread, and progress is reported about every 65,536 rows.
    /// While the parts are appended, the table's columns are held about twice. A Parquet file loaded by path into a table is
    /// read the same way, a row group at a time per thread (the row groups read are held until they are appended).
    /// The duplicate-NIK check and the grouping by village of any table load of 1,048,576 rows or more also run on this many
    /// threads.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxDegreeOfParallelism));
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Gets the smallest part of a CSV file a parallel load gives a thread (tests lower it).</summary>
    internal long MinPartBytes
    {
        get => _minPartBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(MinPartBytes));
            _minPartBytes = value;
        }
    }

    /// <summary>Gets whether CSV loads skip the fast path for common cell shapes (tests compare the two paths).</summary>
    internal bool GeneralPathOnly { get; init; }

    internal FindingAction GetAction(LoadIssueKind kind) => kind switch
    {
        LoadIssueKind.DuplicateNik => DuplicateNik,
        LoadIssueKind.BirthAfterAsOf => BirthAfterAsOf,
        LoadIssueKind.DeathBeforeBirth => DeathBeforeBirth,
        LoadIssueKind.NikBirthDateMismatch or LoadIssueKind.NikSexMismatch => NikMismatch,
        LoadIssueKind.UnknownRegion => UnknownRegion,
        _ => FindingAction.Reject,
    };

    private static FindingAction CheckAction(FindingAction value, string name) =>
        CheckEnum(value, (int)FindingAction.Reject, (int)FindingAction.Ignore, name);

    private static T CheckEnum<T>(T value, int min, int max, string name)
        where T : struct, Enum
    {
        var v = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return v >= min && v <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} should be a defined {typeof(T).Name} other than None."));
    }
}
