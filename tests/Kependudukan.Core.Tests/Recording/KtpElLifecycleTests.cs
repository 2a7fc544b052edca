using CsCheck;
using Kependudukan.Recording;
using static Kependudukan.Recording.KtpElStatus;

namespace Kependudukan.Tests.Recording;

public class KtpElLifecycleTests
{
    // The lifecycle of DOMAIN.md rule 4, written out independently of the library's table.
    internal static readonly Dictionary<KtpElStatus, KtpElStatus[]> Expected = new()
    {
        [Unregistered] = [BioCaptured],
        [BioCaptured] = [Processing, EnrollFailureAtRegional],
        [Processing] = [SentForEnrollment, EnrollFailureAtRegional],
        [SentForEnrollment] = [ReceivedAtCentral, EnrollFailureAtCentral, SearchFailureAtCentral, DuplicateRecord],
        [ReceivedAtCentral] = [PrintReadyRecord, EnrollFailureAtCentral, SearchFailureAtCentral, DuplicateRecord],
        [PrintReadyRecord] = [SentForCardPrinting],
        [SentForCardPrinting] = [CardPrinted],
        [CardPrinted] = [CardShipped],
        [CardShipped] = [CardIssued],
        [CardIssued] = [SentForCardPrinting],
        [EnrollFailureAtCentral] = [BioCaptured],
        [SearchFailureAtCentral] = [BioCaptured],
        [EnrollFailureAtRegional] = [BioCaptured],
        [DuplicateRecord] = [BioCaptured],
    };

    internal static readonly KtpElStatus[] AllStatuses = [.. Expected.Keys];

    [Fact]
    public void HappyPath_InDeclarationOrder_IsAllowed()
    {
        KtpElStatus[] path = [Unregistered, BioCaptured, Processing, SentForEnrollment, ReceivedAtCentral, PrintReadyRecord, SentForCardPrinting, CardPrinted, CardShipped, CardIssued];
        for (var i = 1; i < path.Length; i++)
        {
            Assert.Equal((int)path[i - 1] + 1, (int)path[i]);
            Assert.True(KtpElLifecycle.IsAllowed(path[i - 1], path[i]));
            Assert.Equal(path[i], KtpElLifecycle.AllowedNext(path[i - 1])[0]);
        }
    }

    [Theory]
    [InlineData(SentForEnrollment, EnrollFailureAtCentral)]
    [InlineData(SentForEnrollment, SearchFailureAtCentral)]
    [InlineData(SentForEnrollment, DuplicateRecord)]
    [InlineData(ReceivedAtCentral, EnrollFailureAtCentral)]
    [InlineData(ReceivedAtCentral, SearchFailureAtCentral)]
    [InlineData(ReceivedAtCentral, DuplicateRecord)]
    [InlineData(BioCaptured, EnrollFailureAtRegional)]
    [InlineData(Processing, EnrollFailureAtRegional)]
    [InlineData(EnrollFailureAtCentral, BioCaptured)]
    [InlineData(SearchFailureAtCentral, BioCaptured)]
    [InlineData(EnrollFailureAtRegional, BioCaptured)]
    [InlineData(DuplicateRecord, BioCaptured)]
    [InlineData(CardIssued, SentForCardPrinting)]
    public void FailuresReRecordingAndReplacement_AreAllowed(KtpElStatus from, KtpElStatus to)
    {
        Assert.True(KtpElLifecycle.IsAllowed(from, to));
        KtpElLifecycle.EnsureAllowed(from, to);
    }

    [Theory]
    [InlineData(Unregistered, CardIssued)]
    [InlineData(Unregistered, Processing)]
    [InlineData(BioCaptured, Unregistered)]
    [InlineData(CardIssued, BioCaptured)]
    [InlineData(CardIssued, Unregistered)]
    [InlineData(PrintReadyRecord, DuplicateRecord)]
    [InlineData(Processing, EnrollFailureAtCentral)]
    [InlineData(SentForEnrollment, EnrollFailureAtRegional)]
    [InlineData(EnrollFailureAtRegional, Processing)]
    [InlineData(DuplicateRecord, PrintReadyRecord)]
    [InlineData(CardShipped, CardShipped)]
    public void Illegal_IsNotAllowed(KtpElStatus from, KtpElStatus to)
    {
        Assert.False(KtpElLifecycle.IsAllowed(from, to));
        Assert.Throws<InvalidOperationException>(() => KtpElLifecycle.EnsureAllowed(from, to));
    }

    [Fact]
    public void IsAllowed_EveryPair_MatchesTable()
    {
        foreach (var from in AllStatuses)
        {
            foreach (var to in AllStatuses)
            {
                Assert.True(Expected[from].Contains(to) == KtpElLifecycle.IsAllowed(from, to), $"{from} -> {to}");
            }

            Assert.Equal(Expected[from], KtpElLifecycle.AllowedNext(from));
        }
    }

    [Fact]
    public void NoStatus_LeadsBackToUnregisteredOrToItself()
    {
        foreach (var from in AllStatuses)
        {
            Assert.DoesNotContain(Unregistered, KtpElLifecycle.AllowedNext(from));
            Assert.DoesNotContain(from, KtpElLifecycle.AllowedNext(from));
        }
    }

    [Fact]
    public void EnsureAllowed_Illegal_MessageNamesBothStatuses()
    {
        var e = Assert.Throws<InvalidOperationException>(() => KtpElLifecycle.EnsureAllowed(CardIssued, BioCaptured));
        Assert.Equal("A KTP-el status cannot change from CardIssued (CARD_ISSUED) to BioCaptured (BIO_CAPTURED); from CardIssued it may change to SentForCardPrinting.", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => KtpElLifecycle.EnsureAllowed(ReceivedAtCentral, CardPrinted));
        Assert.Equal(
            "A KTP-el status cannot change from ReceivedAtCentral (RECEIVED_AT_CENTRAL) to CardPrinted (CARD_PRINTED); from ReceivedAtCentral it may change to PrintReadyRecord, EnrollFailureAtCentral, SearchFailureAtCentral, DuplicateRecord.",
            e.Message);
    }

    [Fact]
    public void UndefinedStatuses_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("from", () => KtpElLifecycle.IsAllowed(None, BioCaptured));
        Assert.Throws<ArgumentOutOfRangeException>("to", () => KtpElLifecycle.IsAllowed(BioCaptured, None));
        Assert.Throws<ArgumentOutOfRangeException>("to", () => KtpElLifecycle.IsAllowed(BioCaptured, (KtpElStatus)15));
        Assert.Throws<ArgumentOutOfRangeException>("from", () => KtpElLifecycle.EnsureAllowed((KtpElStatus)(-1), BioCaptured));
        Assert.Throws<ArgumentOutOfRangeException>("from", () => KtpElLifecycle.AllowedNext(None));
    }

    [Fact]
    public void AllowedNext_IsReadOnly() =>
        Assert.True(((ICollection<KtpElStatus>)KtpElLifecycle.AllowedNext(SentForEnrollment)).IsReadOnly);

    [Fact]
    public void RandomWalk_ThroughAllowedNext_AlwaysPasses() =>
        Gen.Int[0, 1000].Array[1, 40].Sample(choices =>
        {
            var status = Unregistered;
            foreach (var choice in choices)
            {
                var next = KtpElLifecycle.AllowedNext(status);
                var to = next[choice % next.Count];
                KtpElLifecycle.EnsureAllowed(status, to);
                Assert.Contains(to, Expected[status]);
                status = to;
            }
        }, iter: 500);

    [Fact]
    public void RandomIllegalPair_ThrowsNamingBoth() =>
        Gen.Select(Gen.Int[1, 14], Gen.Int[1, 14])
            .Where((from, to) => !Expected[(KtpElStatus)from].Contains((KtpElStatus)to))
            .Sample((f, t) =>
            {
                var (from, to) = ((KtpElStatus)f, (KtpElStatus)t);
                Assert.False(KtpElLifecycle.IsAllowed(from, to));
                var e = Assert.Throws<InvalidOperationException>(() => KtpElLifecycle.EnsureAllowed(from, to));
                Assert.Contains($"from {from} ({KtpElStatusParser.GetSiakName(from)}) to {to} ({KtpElStatusParser.GetSiakName(to)})", e.Message, StringComparison.Ordinal);
            }, iter: 300);
}
