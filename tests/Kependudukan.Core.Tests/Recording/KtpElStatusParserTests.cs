using Kependudukan.Recording;
using static Kependudukan.Recording.KtpElStatus;

namespace Kependudukan.Tests.Recording;

public class KtpElStatusParserTests
{
    [Theory]
    [InlineData("UNREGISTERED", Unregistered)]
    [InlineData("BIO_CAPTURED", BioCaptured)]
    [InlineData("PROCESSING", Processing)]
    [InlineData("SENT_FOR_ENROLLMENT", SentForEnrollment)]
    [InlineData("RECEIVED_AT_CENTRAL", ReceivedAtCentral)]
    [InlineData("PRINT_READY_RECORD", PrintReadyRecord)]
    [InlineData("SENT_FOR_CARD_PRINTING", SentForCardPrinting)]
    [InlineData("CARD_PRINTED", CardPrinted)]
    [InlineData("CARD_SHIPPED", CardShipped)]
    [InlineData("CARD_ISSUED", CardIssued)]
    [InlineData("ENROLL_FAILURE_AT_CENTRAL", EnrollFailureAtCentral)]
    [InlineData("SEARCH_FAILURE_AT_CENTRAL", SearchFailureAtCentral)]
    [InlineData("ENROLL_FAILURE_AT_REGIONAL", EnrollFailureAtRegional)]
    [InlineData("DUPLICATE_RECORD", DuplicateRecord)]
    public void Parse_SiakName_AndBack(string name, KtpElStatus expected)
    {
        Assert.Equal(expected, KtpElStatusParser.Parse(name));
        Assert.Equal(expected, KtpElStatusParser.Parse(name.ToLowerInvariant()));
        Assert.Equal(expected, KtpElStatusParser.Parse($"  {name}\t"));
        Assert.Equal(name, KtpElStatusParser.GetSiakName(expected));
    }

    [Fact]
    public void Parse_MixedCase() => Assert.Equal(PrintReadyRecord, KtpElStatusParser.Parse("Print_Ready_Record"));

    // OpenSID codes (DOMAIN.md rule 4): 1 belum wajib, 2 belum rekam, 3 sudah rekam, 4 card printed, 5 PRR, 6 card shipped,
    // 7 sent for card printing, 8 card issued.
    [Theory]
    [InlineData(1, VillageSystemStatusCode.NotWajibKtp, Unregistered)]
    [InlineData(2, VillageSystemStatusCode.NotRecorded, Unregistered)]
    [InlineData(3, VillageSystemStatusCode.Recorded, BioCaptured)]
    [InlineData(4, VillageSystemStatusCode.CardPrinted, CardPrinted)]
    [InlineData(5, VillageSystemStatusCode.PrintReadyRecord, PrintReadyRecord)]
    [InlineData(6, VillageSystemStatusCode.CardShipped, CardShipped)]
    [InlineData(7, VillageSystemStatusCode.SentForCardPrinting, SentForCardPrinting)]
    [InlineData(8, VillageSystemStatusCode.CardIssued, CardIssued)]
    public void VillageSystemCode_MapsToSiakStatus(int code, VillageSystemStatusCode named, KtpElStatus expected)
    {
        Assert.Equal(code, (int)named);
        Assert.Equal(expected, KtpElStatusParser.FromVillageSystemCode(code));
        Assert.Equal(expected, KtpElStatusParser.FromVillageSystemCode(named));
        Assert.Equal(expected, KtpElStatusParser.Parse(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, KtpElStatusParser.Parse($" {code} "));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void FromVillageSystemCode_OutOfRange_ThrowsNamingValue(int code)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("code", () => KtpElStatusParser.FromVillageSystemCode(code));
        Assert.Equal(code, e.ActualValue);
        Assert.StartsWith($"A village-system KTP-el status code is 1 to 8; got {code}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromVillageSystemCode_NoneEnum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("code", () => KtpElStatusParser.FromVillageSystemCode(VillageSystemStatusCode.None));

    private const string Accepted = "(UNREGISTERED, BIO_CAPTURED, PROCESSING, SENT_FOR_ENROLLMENT, RECEIVED_AT_CENTRAL, PRINT_READY_RECORD, "
        + "SENT_FOR_CARD_PRINTING, CARD_PRINTED, CARD_SHIPPED, CARD_ISSUED, ENROLL_FAILURE_AT_CENTRAL, SEARCH_FAILURE_AT_CENTRAL, "
        + "ENROLL_FAILURE_AT_REGIONAL, DUPLICATE_RECORD) or a village-system status code 1-8.";

    [Theory]
    [InlineData("PRR", "'PRR'")]
    [InlineData("", "''")]
    [InlineData("0", "'0'")]
    [InlineData("9", "'9'")]
    [InlineData("10", "'10'")]
    [InlineData("BIO CAPTURED", "'BIO CAPTURED'")]
    [InlineData("PrintReadyRecord", "'PrintReadyRecord'")]
    [InlineData("6472015708080001", "A number of 16 digits")] // a NIK in the wrong column is not echoed
    public void Parse_Invalid_ThrowsNamingValue(string text, string described)
    {
        var e = Assert.Throws<FormatException>(() => KtpElStatusParser.Parse(text));
        Assert.Equal($"{described} is not a SIAK KTP-el status name {Accepted}", e.Message);
        Assert.False(KtpElStatusParser.TryParse(text, out var status));
        Assert.Equal(None, status);
    }

    [Theory]
    [InlineData("bio captured", KtpElStatusStyles.AllowWordSeparators, BioCaptured)]
    [InlineData(" Card-Issued ", KtpElStatusStyles.AllowWordSeparators, CardIssued)]
    [InlineData("enroll failure_at-regional", KtpElStatusStyles.AllowWordSeparators, EnrollFailureAtRegional)]
    [InlineData("prr", KtpElStatusStyles.AllowAbbreviations, PrintReadyRecord)]
    [InlineData("PRR", KtpElStatusStyles.AllowAbbreviations | KtpElStatusStyles.AllowWordSeparators, PrintReadyRecord)]
    [InlineData("CARD_ISSUED", KtpElStatusStyles.None, CardIssued)]
    [InlineData("7", KtpElStatusStyles.None, SentForCardPrinting)]
    public void TryParseSpan_StylesAllowSpelling(string text, KtpElStatusStyles styles, KtpElStatus expected)
    {
        Assert.True(KtpElStatusParser.TryParse(text.AsSpan(), styles, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("bio captured", KtpElStatusStyles.AllowAbbreviations)]
    [InlineData("PRR", KtpElStatusStyles.AllowWordSeparators)]
    [InlineData("CARD  ISSUED", KtpElStatusStyles.AllowWordSeparators)] // one separator per underscore
    [InlineData("CARD.ISSUED", KtpElStatusStyles.AllowWordSeparators)]
    [InlineData("CARDISSUED", KtpElStatusStyles.AllowWordSeparators)]
    [InlineData("CARD_\u0131SSUED", KtpElStatusStyles.AllowWordSeparators)] // dotless i: upper-cases to I, but is not ASCII
    [InlineData("", KtpElStatusStyles.AllowWordSeparators | KtpElStatusStyles.AllowAbbreviations)]
    [InlineData("9", KtpElStatusStyles.AllowWordSeparators | KtpElStatusStyles.AllowAbbreviations)]
    public void TryParseSpan_OtherSpellings_Rejected(string text, KtpElStatusStyles styles)
    {
        Assert.False(KtpElStatusParser.TryParse(text.AsSpan(), styles, out var status));
        Assert.Equal(None, status);
    }

    [Fact]
    public void Parse_LongText_IsShortenedInMessage()
    {
        var text = new string('x', 50);
        var e = Assert.Throws<FormatException>(() => KtpElStatusParser.Parse(text));
        Assert.StartsWith($"'{new string('x', 40)}...' (50 characters) is not", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("text", () => KtpElStatusParser.Parse(null!));
        Assert.False(KtpElStatusParser.TryParse(null, out var status));
        Assert.Equal(None, status);
    }

    [Fact]
    public void GetSiakName_Undefined_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("status", () => KtpElStatusParser.GetSiakName(None));
        Assert.Throws<ArgumentOutOfRangeException>("status", () => KtpElStatusParser.GetSiakName((KtpElStatus)15));
    }
}
