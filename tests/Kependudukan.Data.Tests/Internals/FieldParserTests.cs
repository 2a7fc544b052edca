using System.Globalization;
using CsCheck;
using Kependudukan.Data.Internals;
using Kependudukan.Recording;
using NodaTime;
using NodaTime.Text;

namespace Kependudukan.Data.Tests.Internals;

public sealed class FieldParserTests
{
    [Fact]
    public void TryParseDate_AnyIsoDate_SameAsNodaTime()
    {
        Gen.Int[1, 3_652_058].Sample(days =>
        {
            var date = new LocalDate(1, 1, 1).PlusDays(days - 1);
            var text = LocalDatePattern.Iso.Format(date);
            Assert.True(FieldParser.TryParseDate(text, out var parsed));
            Assert.Equal(date, parsed);
        }, iter: 2000);
    }

    [Fact]
    public void TryParseDate_NearlyDates_AgreesWithNodaTime()
    {
        // Ten characters drawn from digits and '-', so most are malformed or impossible dates.
        Gen.Char["0123456789-"].Array[10].Select(c => new string(c)).Sample(text =>
        {
            var expected = LocalDatePattern.Iso.Parse(text);
            var ok = FieldParser.TryParseDate(text, out var parsed);
            Assert.Equal(expected.Success && !text.StartsWith('-') && expected.Value.Year >= 1, ok);
            if (ok)
            {
                Assert.Equal(expected.Value, parsed);
            }
        }, iter: 5000);
    }

    [Theory]
    [InlineData("2000-02-29", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-04-31", false)]
    [InlineData("2023-12-31", true)]
    [InlineData("2023-00-10", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("9999-12-31", true)]
    [InlineData(" 2023-12-31 ", true)]
    [InlineData("2023-12-31T00:00:00", false)]
    [InlineData("2023-1-31", false)]
    public void TryParseDate_CalendarRules(string text, bool valid) => Assert.Equal(valid, FieldParser.TryParseDate(text, out _));

    [Theory]
    [InlineData("1", KtpElStatus.Unregistered)]
    [InlineData("2", KtpElStatus.Unregistered)]
    [InlineData("3", KtpElStatus.BioCaptured)]
    [InlineData("4", KtpElStatus.CardPrinted)]
    [InlineData("5", KtpElStatus.PrintReadyRecord)]
    [InlineData("6", KtpElStatus.CardShipped)]
    [InlineData("7", KtpElStatus.SentForCardPrinting)]
    [InlineData("8", KtpElStatus.CardIssued)]
    [InlineData(" 8 ", KtpElStatus.CardIssued)]
    [InlineData("PRINT_READY_RECORD", KtpElStatus.PrintReadyRecord)]
    [InlineData("print ready record", KtpElStatus.PrintReadyRecord)]
    [InlineData("Print-Ready-Record", KtpElStatus.PrintReadyRecord)]
    [InlineData("PRR", KtpElStatus.PrintReadyRecord)]
    [InlineData("", KtpElStatus.Unregistered)]
    [InlineData(" ", KtpElStatus.Unregistered)] // white space only, of any length, is an empty cell
    [InlineData("\t  ", KtpElStatus.Unregistered)]
    [InlineData("enroll_failure_at_regional", KtpElStatus.EnrollFailureAtRegional)]
    [InlineData("DUPLICATE_RECORD", KtpElStatus.DuplicateRecord)]
    public void TryParseKtpStatus_VillageCodesAndSiakNames(string text, KtpElStatus expected)
    {
        Assert.True(FieldParser.TryParseKtpStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void TryParseKtpStatus_EverySiakName_ReadsItsStatus()
    {
        // SIAK names are the enum names in upper snake case: PrintReadyRecord → PRINT_READY_RECORD.
        foreach (var status in Enum.GetValues<KtpElStatus>().Where(s => s != KtpElStatus.None))
        {
            var name = string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
            Assert.True(FieldParser.TryParseKtpStatus(name, out var parsed), name);
            Assert.Equal(status, parsed);
            Assert.True(FieldParser.TryParseKtpStatus(name.ToLowerInvariant(), out parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("10")]
    [InlineData("CARD")]
    [InlineData("PRINT READY RECORD AND MORE TEXT THAN FITS THIRTY TWO")]
    [InlineData("KARTU_TERBIT\u00e9")]
    public void TryParseKtpStatus_Unknown_Fails(string text) => Assert.False(FieldParser.TryParseKtpStatus(text, out _));

    [Theory]
    [InlineData("L", Sex.Male)]
    [InlineData("l", Sex.Male)]
    [InlineData("M", Sex.Male)]
    [InlineData("Male", Sex.Male)]
    [InlineData("LAKI-LAKI", Sex.Male)]
    [InlineData("P", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("female", Sex.Female)]
    [InlineData("Perempuan", Sex.Female)]
    [InlineData("W", Sex.None)]
    [InlineData("", Sex.None)]
    public void TryParseSex_Codes(string text, Sex expected)
    {
        Assert.Equal(expected != Sex.None, FieldParser.TryParseSex(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData("WNI", Citizenship.Wni)]
    [InlineData("wni", Citizenship.Wni)]
    [InlineData("ITAP", Citizenship.ForeignerWithItap)]
    [InlineData("KITAP", Citizenship.ForeignerWithItap)]
    [InlineData("itas", Citizenship.ForeignerWithItas)]
    [InlineData("KITAS", Citizenship.ForeignerWithItas)]
    [InlineData("WNA", Citizenship.None)]
    public void TryParseCitizenship_Codes(string text, Citizenship expected)
    {
        Assert.Equal(expected != Citizenship.None, FieldParser.TryParseCitizenship(text, out var citizenship));
        Assert.Equal(expected, citizenship);
    }

    [Theory]
    [InlineData("belum kawin", MaritalStatus.NeverMarried)]
    [InlineData("BELUM_KAWIN", MaritalStatus.NeverMarried)]
    [InlineData("never married", MaritalStatus.NeverMarried)]
    [InlineData("Kawin", MaritalStatus.Married)]
    [InlineData("married", MaritalStatus.Married)]
    [InlineData("cerai hidup", MaritalStatus.Divorced)]
    [InlineData("divorced", MaritalStatus.Divorced)]
    [InlineData("CERAI MATI", MaritalStatus.Widowed)]
    [InlineData("widowed", MaritalStatus.Widowed)]
    [InlineData("cerai", MaritalStatus.None)]
    public void TryParseMaritalStatus_Words(string text, MaritalStatus expected)
    {
        Assert.Equal(expected != MaritalStatus.None, FieldParser.TryParseMaritalStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("", LifeStatus.Alive)]
    [InlineData("hidup", LifeStatus.Alive)]
    [InlineData("ALIVE", LifeStatus.Alive)]
    [InlineData("mati", LifeStatus.Deceased)]
    [InlineData("meninggal", LifeStatus.Deceased)]
    [InlineData("deceased", LifeStatus.Deceased)]
    [InlineData("pindah luar negeri", LifeStatus.MovedAbroad)]
    [InlineData("moved_abroad", LifeStatus.MovedAbroad)]
    [InlineData("pindah", LifeStatus.None)]
    public void TryParseLifeStatus_Words(string text, LifeStatus expected)
    {
        Assert.Equal(expected != LifeStatus.None, FieldParser.TryParseLifeStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("Ya", true)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("FALSE", false)]
    [InlineData("tidak", false)]
    [InlineData("no", false)]
    public void TryParseFlag_Words(string text, bool expected)
    {
        Assert.True(FieldParser.TryParseFlag(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("y")]
    [InlineData("ada")]
    public void TryParseFlag_Unknown_Fails(string text) => Assert.False(FieldParser.TryParseFlag(text, out _));

    [Fact]
    public void CellText_DatabaseValues_FormattedAsSchemaText()
    {
        var scratch = new char[CellText.ScratchLength];

        Assert.Equal("6472014101900001", CellText.Value(6472014101900001L, scratch).ToString());
        Assert.Equal("0", CellText.Value(0L, scratch).ToString());
        Assert.Equal("-12", CellText.Value(-12L, scratch).ToString());
        Assert.Equal("5", CellText.Value(5.0, scratch).ToString());
        Assert.Equal("5", CellText.Value(5.00m, scratch).ToString());
        Assert.Equal("5.5", CellText.Value(5.5, scratch).ToString());
        Assert.Equal("1", CellText.Value(true, scratch).ToString());
        Assert.Equal("1990-01-01", CellText.Value(new DateOnly(1990, 1, 1), scratch).ToString());
        Assert.Equal("1990-01-01", CellText.Value(new DateTime(1990, 1, 1), scratch).ToString());
        Assert.Equal("1990-01-01T10:30:00.0000000", CellText.Value(new DateTime(1990, 1, 1, 10, 30, 0), scratch).ToString());
        Assert.Equal(new System.Numerics.BigInteger(12).ToString(CultureInfo.InvariantCulture), CellText.Value(new System.Numerics.BigInteger(12), scratch).ToString());
    }
}
