using Kependudukan.Recording;
using static Kependudukan.Recording.KtpElStatus;

namespace Kependudukan.Tests.Recording;

public class RecordingStatusMappingTests
{
    // The documented default mapping (RecordingStatusMapping remarks; DOMAIN.md rule 4).
    [Theory]
    [InlineData(Unregistered, RecordingCategory.NotRecorded)]
    [InlineData(BioCaptured, RecordingCategory.Recorded)]
    [InlineData(Processing, RecordingCategory.Recorded)]
    [InlineData(SentForEnrollment, RecordingCategory.Recorded)]
    [InlineData(ReceivedAtCentral, RecordingCategory.Recorded)]
    [InlineData(PrintReadyRecord, RecordingCategory.PrintReady)]
    [InlineData(SentForCardPrinting, RecordingCategory.PrintReady)]
    [InlineData(CardPrinted, RecordingCategory.Printed)]
    [InlineData(CardShipped, RecordingCategory.Printed)]
    [InlineData(CardIssued, RecordingCategory.Issued)]
    [InlineData(EnrollFailureAtCentral, RecordingCategory.Failed)]
    [InlineData(SearchFailureAtCentral, RecordingCategory.Failed)]
    [InlineData(EnrollFailureAtRegional, RecordingCategory.Failed)]
    [InlineData(DuplicateRecord, RecordingCategory.Duplicate)]
    public void Default_MapsEveryStatus(KtpElStatus status, RecordingCategory category) =>
        Assert.Equal(category, RecordingStatusMapping.Default.GetCategory(status));

    // "Recorded" (sudah rekam) means biometrics captured and not failed.
    [Fact]
    public void Default_RecordedMeansCapturedAndNotFailed()
    {
        KtpElStatus[] recorded = [BioCaptured, Processing, SentForEnrollment, ReceivedAtCentral, PrintReadyRecord, SentForCardPrinting, CardPrinted, CardShipped, CardIssued];
        foreach (var status in KtpElLifecycleTests.AllStatuses)
        {
            Assert.Equal(recorded.Contains(status), RecordingStatusMapping.IsRecorded(RecordingStatusMapping.Default.GetCategory(status)));
        }
    }

    [Theory]
    [InlineData(RecordingCategory.NotRecorded, false, false, false)]
    [InlineData(RecordingCategory.Recorded, true, false, false)]
    [InlineData(RecordingCategory.PrintReady, true, true, false)]
    [InlineData(RecordingCategory.Printed, true, true, true)]
    [InlineData(RecordingCategory.Issued, true, true, true)]
    [InlineData(RecordingCategory.Failed, false, false, false)]
    [InlineData(RecordingCategory.Duplicate, false, false, false)]
    [InlineData(RecordingCategory.None, false, false, false)]
    public void CategoryTests(RecordingCategory category, bool recorded, bool printReadyOrBeyond, bool printed)
    {
        Assert.Equal(recorded, RecordingStatusMapping.IsRecorded(category));
        Assert.Equal(printReadyOrBeyond, RecordingStatusMapping.IsPrintReadyOrBeyond(category));
        Assert.Equal(printed, RecordingStatusMapping.IsPrinted(category));
    }

    [Fact]
    public void With_RemapsOneStatus_LeavesOriginal()
    {
        var duplicatesCount = RecordingStatusMapping.Default.With(DuplicateRecord, RecordingCategory.Recorded);
        Assert.Equal(RecordingCategory.Recorded, duplicatesCount.GetCategory(DuplicateRecord));
        Assert.Equal(RecordingCategory.Duplicate, RecordingStatusMapping.Default.GetCategory(DuplicateRecord));
        foreach (var status in KtpElLifecycleTests.AllStatuses.Where(s => s != DuplicateRecord))
        {
            Assert.Equal(RecordingStatusMapping.Default.GetCategory(status), duplicatesCount.GetCategory(status));
        }
    }

    [Fact]
    public void With_Undefined_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("status", () => RecordingStatusMapping.Default.With(None, RecordingCategory.Recorded));
        Assert.Throws<ArgumentOutOfRangeException>("status", () => RecordingStatusMapping.Default.With((KtpElStatus)15, RecordingCategory.Recorded));
        Assert.Throws<ArgumentOutOfRangeException>("category", () => RecordingStatusMapping.Default.With(BioCaptured, RecordingCategory.None));
        Assert.Throws<ArgumentOutOfRangeException>("category", () => RecordingStatusMapping.Default.With(BioCaptured, (RecordingCategory)8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void GetCategory_Undefined_Throws(int status)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("status", () => RecordingStatusMapping.Default.GetCategory((KtpElStatus)status));
        Assert.StartsWith("Status should be a defined KtpElStatus other than None.", e.Message, StringComparison.Ordinal);
    }
}
