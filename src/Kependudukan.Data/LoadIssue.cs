using static System.FormattableString;

namespace Kependudukan.Data;

/// <summary>One problem a load found: where, in which column, what is wrong, and whether the row was rejected.</summary>
/// <remarks>An issue never carries a value of the input: <see cref="Problem"/> describes the value without quoting it, and the
/// NIK appears only masked, so issues can be logged and shared.</remarks>
/// <param name="Line">For CSV, the line of the file where the row starts (the header is line 1); for Parquet and database
/// loads, the 1-based row number. Issues of the header have line 1 (CSV) or 0.</param>
/// <param name="Column">The schema column the problem is in (see <see cref="ResidentColumns"/>), or an empty string for a
/// problem of the whole row.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Problem">What is wrong, in English, without the value.</param>
/// <param name="Rejected"><see langword="true"/> when the row was rejected; <see langword="false"/> for a warning.</param>
/// <param name="MaskedNik">The row's NIK masked (<c>647201**********</c>), or an empty string when the row has no valid NIK.</param>
public readonly record struct LoadIssue(long Line, string Column, LoadIssueKind Kind, string Problem, bool Rejected, string MaskedNik)
{
    /// <summary>Formats the issue on one line.</summary>
    /// <returns>For example <c>line 7, birth_date: InvalidValue (rejected): month should be in range [01-12]</c>.</returns>
    public override string ToString() =>
        Invariant($"line {Line}{(Column.Length > 0 ? ", " + Column : string.Empty)}: {Kind} ({(Rejected ? "rejected" : "warning")}): {Problem}");
}
