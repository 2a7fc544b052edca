using System.Collections.ObjectModel;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Recording;

/// <summary>A resident's dated KTP-el status changes, from which the status on any date is replayed.</summary>
/// <remarks>
/// <para>A history starts at <see cref="KtpElStatus.Unregistered"/> before its first event. Every event must be a change
/// that <see cref="KtpElLifecycle"/> allows from the status before it, on a date not earlier than the event before it
/// (several events may share a date; the last of them holds at the end of that day).</para>
/// <para>Histories are immutable: <see cref="Append"/> returns a new history. Equality is reference equality; compare
/// <see cref="Events"/> for content.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class RecordingHistory
{
    private readonly RecordingEvent[] _events;

    private RecordingHistory(RecordingEvent[] events)
    {
        _events = events;
        Events = Array.AsReadOnly(events);
        foreach (var e in events)
        {
            if (e.Status == KtpElStatus.BioCaptured)
            {
                RecordingDate = e.Date;
                break;
            }
        }
    }

    /// <summary>Gets the history with no events: never recorded.</summary>
    /// <value>A shared empty history whose status is <see cref="KtpElStatus.Unregistered"/> on every date.</value>
    public static RecordingHistory Empty { get; } = new([]);

    /// <summary>Gets the events in order.</summary>
    /// <value>The validated events, dates non-decreasing.</value>
    public IReadOnlyList<RecordingEvent> Events { get; }

    /// <summary>Gets the status after the last event.</summary>
    /// <value>The last event's status, or <see cref="KtpElStatus.Unregistered"/> when there is none.</value>
    public KtpElStatus CurrentStatus => _events.Length == 0 ? KtpElStatus.Unregistered : _events[^1].Status;

    /// <summary>Gets the date of the first biometric recording (perekaman).</summary>
    /// <value>The date of the first <see cref="KtpElStatus.BioCaptured"/> event, or <see langword="null"/> when never recorded.
    /// A re-recording after a failure does not move it.</value>
    public LocalDate? RecordingDate { get; }

    /// <summary>Creates a history from events in order, validating each as <see cref="Append"/> does.</summary>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event's status is <see cref="KtpElStatus.None"/> or undefined.</exception>
    /// <exception cref="ArgumentException">An event's date is before the previous event's; the message gives the event's index.</exception>
    /// <exception cref="InvalidOperationException">An event is a change the lifecycle does not allow; the message gives the
    /// event's index and names both statuses.</exception>
    public static RecordingHistory FromEvents(IEnumerable<RecordingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            Check(i == 0 ? null : list[i - 1], list[i], nameof(events), nameof(events), Invariant($"Event {i}: "));
        }

        return list.Length == 0 ? Empty : new RecordingHistory(list);
    }

    /// <summary>Returns a new history with one more event.</summary>
    /// <param name="date">The date of the change; not before the last event's date.</param>
    /// <param name="status">The new status; a change <see cref="KtpElLifecycle"/> allows from <see cref="CurrentStatus"/>.</param>
    /// <returns>The longer history; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is <see cref="KtpElStatus.None"/> or undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is before the last event's date.</exception>
    /// <exception cref="InvalidOperationException">The change from <see cref="CurrentStatus"/> to <paramref name="status"/> is not
    /// allowed; the message names both statuses.</exception>
    public RecordingHistory Append(LocalDate date, KtpElStatus status)
    {
        var next = new RecordingEvent(date, status);
        Check(_events.Length == 0 ? null : _events[^1], next, nameof(date), nameof(status), string.Empty);
        var events = new RecordingEvent[_events.Length + 1];
        _events.CopyTo(events, 0);
        events[^1] = next;
        return new RecordingHistory(events);
    }

    /// <summary>Returns the status at the end of a date, replaying the events up to it.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>The status of the last event on or before <paramref name="asOf"/>, or <see cref="KtpElStatus.Unregistered"/>
    /// when every event is later.</returns>
    public KtpElStatus StatusAsOf(LocalDate asOf)
    {
        // Dates are non-decreasing: find the number of events on or before asOf.
        int lo = 0, hi = _events.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_events[mid].Date <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? KtpElStatus.Unregistered : _events[lo - 1].Status;
    }

    /// <summary>Returns the events as text, oldest first.</summary>
    /// <returns>For example <c>"2024-03-05 BIO_CAPTURED; 2024-03-06 PROCESSING"</c>, or <c>"(no events)"</c>.</returns>
    public override string ToString() => _events.Length == 0 ? "(no events)" : string.Join("; ", _events);

    private static void Check(RecordingEvent? previous, RecordingEvent next, string dateParamName, string statusParamName, string prefix)
    {
        KtpElLifecycle.CheckStatus(next.Status, statusParamName);
        if (previous is { } last && next.Date < last.Date)
        {
            throw new ArgumentException(
                Invariant($"{prefix}Recording events must not go back in time: {next.Date:uuuu-MM-dd} is before the previous event on {last.Date:uuuu-MM-dd}."),
                dateParamName);
        }

        var from = previous?.Status ?? KtpElStatus.Unregistered;
        if (!KtpElLifecycle.IsAllowed(from, next.Status))
        {
            throw new InvalidOperationException(prefix + KtpElLifecycle.DescribeIllegal(from, next.Status));
        }
    }
}
