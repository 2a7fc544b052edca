using System.Text;
using static System.FormattableString;

namespace Kependudukan.Data;

/// <summary>The counts and issues of a completed load.</summary>
/// <remarks>
/// <para>Always <c>RowsRead == RowsAccepted + RowsRejected</c>. CSV lines that are completely empty are not rows and are not
/// counted. A rejected row may have several issues (one per bad value), and an accepted row may have warnings, so
/// <see cref="GetIssueCount"/> counts issues, not rows.</para>
/// <para><see cref="Issues"/> holds the first <see cref="ResidentLoadOptions.MaxIssues"/> issues in input order; the counts cover them all.</para>
/// </remarks>
/// <threadsafety>Instances are immutable.</threadsafety>
public sealed class LoadSummary
{
    private readonly long[] _issueCounts;

    internal LoadSummary(long rowsRead, long rowsAccepted, long rowsRejected, long[] issueCounts, IReadOnlyList<LoadIssue> issues,
        IReadOnlyList<string> absentColumns, TimeSpan elapsed)
    {
        RowsRead = rowsRead;
        RowsAccepted = rowsAccepted;
        RowsRejected = rowsRejected;
        _issueCounts = issueCounts;
        Issues = issues;
        AbsentColumns = absentColumns;
        Elapsed = elapsed;
    }

    /// <summary>Gets the number of data rows read.</summary>
    /// <value>The rows read; the header is not a row.</value>
    public long RowsRead { get; }

    /// <summary>Gets the number of rows loaded.</summary>
    /// <value>The rows accepted.</value>
    public long RowsAccepted { get; }

    /// <summary>Gets the number of rows left out.</summary>
    /// <value>The rows rejected.</value>
    public long RowsRejected { get; }

    /// <summary>Gets the number of warnings: data-quality findings on rows that were kept.</summary>
    /// <value>The count of issues with <see cref="LoadIssue.Rejected"/> false.</value>
    public long Warnings { get; internal init; }

    /// <summary>Gets the first issues found, in input order.</summary>
    /// <value>At most <see cref="ResidentLoadOptions.MaxIssues"/> issues.</value>
    public IReadOnlyList<LoadIssue> Issues { get; }

    /// <summary>Gets the optional schema columns the input did not have, whose default value every row received.</summary>
    /// <value>Column names from <see cref="ResidentColumns"/>, in schema order.</value>
    public IReadOnlyList<string> AbsentColumns { get; }

    /// <summary>Gets the time the load took.</summary>
    /// <value>The elapsed wall-clock time.</value>
    public TimeSpan Elapsed { get; }

    /// <summary>Returns how many issues of a kind the load found, rejections and warnings together.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="LoadIssueKind.None"/> or undefined.</exception>
    public long GetIssueCount(LoadIssueKind kind)
    {
        if (kind <= LoadIssueKind.None || (int)kind >= _issueCounts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Kind should be a defined LoadIssueKind other than None.");
        }

        return _issueCounts[(int)kind];
    }

    /// <summary>Formats the counts on one line, followed by the non-zero issue counts.</summary>
    /// <returns>For example <c>read 1000, accepted 998, rejected 2, warnings 1 in 0.01 s; InvalidValue 2, NikSexMismatch 1</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Invariant($"read {RowsRead}, accepted {RowsAccepted}, rejected {RowsRejected}, warnings {Warnings} in {Elapsed.TotalSeconds:0.###} s"));
        var separator = "; ";
        for (var kind = 1; kind < _issueCounts.Length; kind++)
        {
            if (_issueCounts[kind] > 0)
            {
                text.Append(Invariant($"{separator}{(LoadIssueKind)kind} {_issueCounts[kind]}"));
                separator = ", ";
            }
        }

        return text.ToString();
    }
}
