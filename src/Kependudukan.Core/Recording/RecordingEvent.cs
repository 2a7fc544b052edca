using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Recording;

/// <summary>One dated change of a resident's KTP-el status.</summary>
/// <param name="Date">The date the status was reached.</param>
/// <param name="Status">The status reached.</param>
/// <remarks>An event is plain data; <see cref="RecordingHistory"/> validates it when it is appended. Equality compares both
/// members. The default value (status <see cref="KtpElStatus.None"/>) is never a valid event.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct RecordingEvent(LocalDate Date, KtpElStatus Status)
{
    /// <summary>Returns the event as <c>uuuu-MM-dd STATUS</c>, with the SIAK status name.</summary>
    /// <returns>For example <c>"2024-03-05 BIO_CAPTURED"</c>; an undefined status is written as its number.</returns>
    public override string ToString() =>
        Status is >= KtpElStatus.Unregistered and <= KtpElStatus.DuplicateRecord
            ? Invariant($"{Date:uuuu-MM-dd} {KtpElStatusParser.GetSiakName(Status)}")
            : Invariant($"{Date:uuuu-MM-dd} {(int)Status}");
}
