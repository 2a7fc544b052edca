using CsCheck;
using Kependudukan.Recording;
using NodaTime;
using static Kependudukan.Recording.KtpElStatus;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests.Recording;

public class RecordingHistoryTests
{
    private static readonly RecordingHistory s_issued = RecordingHistory.Empty
        .Append(D(2024, 3, 5), BioCaptured)
        .Append(D(2024, 3, 5), Processing)
        .Append(D(2024, 3, 6), SentForEnrollment)
        .Append(D(2024, 3, 8), ReceivedAtCentral)
        .Append(D(2024, 3, 12), PrintReadyRecord)
        .Append(D(2024, 4, 1), SentForCardPrinting)
        .Append(D(2024, 4, 2), CardPrinted)
        .Append(D(2024, 4, 10), CardShipped)
        .Append(D(2024, 4, 20), CardIssued);

    [Fact]
    public void Empty_IsUnregisteredOnEveryDate()
    {
        Assert.Empty(RecordingHistory.Empty.Events);
        Assert.Equal(Unregistered, RecordingHistory.Empty.CurrentStatus);
        Assert.Equal(Unregistered, RecordingHistory.Empty.StatusAsOf(D(2025, 1, 1)));
        Assert.Null(RecordingHistory.Empty.RecordingDate);
        Assert.Equal("(no events)", RecordingHistory.Empty.ToString());
    }

    [Theory]
    [InlineData("2024-03-04", Unregistered)]
    [InlineData("2024-03-05", Processing)] // two events that day: the later holds at its end
    [InlineData("2024-03-07", SentForEnrollment)]
    [InlineData("2024-03-12", PrintReadyRecord)]
    [InlineData("2024-04-19", CardShipped)]
    [InlineData("2024-04-20", CardIssued)]
    [InlineData("2030-01-01", CardIssued)]
    public void StatusAsOf_ReplaysEventsUpToTheDate(string asOf, KtpElStatus expected) =>
        Assert.Equal(expected, s_issued.StatusAsOf(NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value));

    [Fact]
    public void RecordingDate_IsFirstBioCaptured_EvenAfterReRecording()
    {
        var history = RecordingHistory.Empty
            .Append(D(2023, 1, 10), BioCaptured)
            .Append(D(2023, 1, 11), Processing)
            .Append(D(2023, 1, 12), EnrollFailureAtRegional)
            .Append(D(2023, 2, 1), BioCaptured);
        Assert.Equal(D(2023, 1, 10), history.RecordingDate);
        Assert.Equal(BioCaptured, history.CurrentStatus);
        Assert.Equal(EnrollFailureAtRegional, history.StatusAsOf(D(2023, 1, 31)));
    }

    [Fact]
    public void ReplacementCard_NeedsNoNewRecording()
    {
        var replaced = s_issued
            .Append(D(2025, 6, 1), SentForCardPrinting)
            .Append(D(2025, 6, 2), CardPrinted)
            .Append(D(2025, 6, 5), CardShipped)
            .Append(D(2025, 6, 9), CardIssued);
        Assert.Equal(D(2024, 3, 5), replaced.RecordingDate);
        Assert.Equal(1, replaced.Events.Count(e => e.Status == BioCaptured));
        Assert.Equal(SentForCardPrinting, replaced.StatusAsOf(D(2025, 6, 1)));
        Assert.Equal(CardIssued, replaced.StatusAsOf(D(2025, 5, 31)));
    }

    [Fact]
    public void Append_LeavesOriginalUnchanged()
    {
        var once = RecordingHistory.Empty.Append(D(2024, 1, 1), BioCaptured);
        var twice = once.Append(D(2024, 1, 2), Processing);
        Assert.Single(once.Events);
        Assert.Equal(2, twice.Events.Count);
        Assert.Empty(RecordingHistory.Empty.Events);
        Assert.Equal(new RecordingEvent(D(2024, 1, 1), BioCaptured), twice.Events[0]);
    }

    [Fact]
    public void Append_IllegalTransition_ThrowsNamingBothStatuses()
    {
        var e = Assert.Throws<InvalidOperationException>(() => s_issued.Append(D(2025, 1, 1), BioCaptured));
        Assert.Equal("A KTP-el status cannot change from CardIssued (CARD_ISSUED) to BioCaptured (BIO_CAPTURED); from CardIssued it may change to SentForCardPrinting.", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => RecordingHistory.Empty.Append(D(2025, 1, 1), CardIssued));
        Assert.StartsWith("A KTP-el status cannot change from Unregistered (UNREGISTERED) to CardIssued (CARD_ISSUED);", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_EarlierDate_Throws()
    {
        var e = Assert.Throws<ArgumentException>("date", () => s_issued.Append(D(2024, 4, 19), SentForCardPrinting));
        Assert.Equal("Recording events must not go back in time: 2024-04-19 is before the previous event on 2024-04-20. (Parameter 'date')", e.Message);
    }

    [Fact]
    public void Append_UndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("status", () => RecordingHistory.Empty.Append(D(2024, 1, 1), None));
        Assert.Throws<ArgumentOutOfRangeException>("status", () => RecordingHistory.Empty.Append(D(2024, 1, 1), (KtpElStatus)99));
    }

    [Fact]
    public void FromEvents_ValidatesEachEventWithItsIndex()
    {
        var history = RecordingHistory.FromEvents(s_issued.Events);
        Assert.Equal(s_issued.Events, history.Events);
        Assert.Same(RecordingHistory.Empty, RecordingHistory.FromEvents([]));

        var e = Assert.Throws<InvalidOperationException>(() => RecordingHistory.FromEvents(
            [new(D(2024, 1, 1), BioCaptured), new(D(2024, 1, 2), CardIssued)]));
        Assert.StartsWith("Event 1: A KTP-el status cannot change from BioCaptured (BIO_CAPTURED) to CardIssued (CARD_ISSUED);", e.Message, StringComparison.Ordinal);

        var a = Assert.Throws<ArgumentException>("events", () => RecordingHistory.FromEvents(
            [new(D(2024, 1, 2), BioCaptured), new(D(2024, 1, 1), Processing)]));
        Assert.Equal("Event 1: Recording events must not go back in time: 2024-01-01 is before the previous event on 2024-01-02. (Parameter 'events')", a.Message);

        Assert.Throws<ArgumentOutOfRangeException>("events", () => RecordingHistory.FromEvents([default(RecordingEvent)]));
        Assert.Throws<ArgumentNullException>("events", () => RecordingHistory.FromEvents(null!));
    }

    [Fact]
    public void ToString_ListsEventsWithSiakNames()
    {
        Assert.Equal("2024-03-05 BIO_CAPTURED; 2024-03-05 PROCESSING", RecordingHistory.Empty.Append(D(2024, 3, 5), BioCaptured).Append(D(2024, 3, 5), Processing).ToString());
        Assert.Equal("2024-03-05 0", new RecordingEvent(D(2024, 3, 5), None).ToString());
    }

    // A random walk through the lifecycle with random gaps (0-30 days); the status on every date between the first event and
    // a week after the last is compared with a plain replay.
    [Fact]
    public void StatusAsOf_EqualsPlainReplay() =>
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 30]).Array[0, 25].Sample(steps =>
        {
            var history = RecordingHistory.Empty;
            var date = D(2020, 1, 1);
            foreach (var (choice, gap) in steps)
            {
                var next = KtpElLifecycle.AllowedNext(history.CurrentStatus);
                date = date.PlusDays(gap);
                history = history.Append(date, next[choice % next.Count]);
            }

            for (var asOf = D(2019, 12, 31); asOf <= date.PlusDays(7); asOf = asOf.PlusDays(1))
            {
                var status = Unregistered;
                foreach (var e in history.Events)
                {
                    if (e.Date <= asOf)
                    {
                        status = e.Status;
                    }
                }

                Assert.Equal(status, history.StatusAsOf(asOf));
            }

            Assert.Equal(history.Events.FirstOrDefault(e => e.Status == BioCaptured) is { Status: BioCaptured } first ? first.Date : (LocalDate?)null, history.RecordingDate);
        }, iter: 200);
}
