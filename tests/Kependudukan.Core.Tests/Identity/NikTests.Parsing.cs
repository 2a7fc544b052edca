using Kependudukan.Identity;

namespace Kependudukan.Tests.Identity;

public partial class NikTests
{
    private const string DayMessage = "The day of the NIK (digits 7-8) should be in range [01-31], or [41-71] for women.";
    private const string MonthMessage = "The month of the NIK (digits 9-10) should be in range [01-12].";
    private const string MonthTooShortMessage = "The birth date of the NIK (digits 7-12) does not exist: the day is too large for the month.";
    private const string LeapDayMessage = "The birth date of the NIK (digits 7-12) does not exist: 29 February needs a leap year.";
    private const string SerialMessage = "The serial of the NIK (digits 13-16) should be in range [0001-9999].";

    [Theory]
    [InlineData("6472014002090001", DayMessage)] // 40: neither a man's day nor a woman's
    [InlineData("6472017202090001", DayMessage)] // 72 = 32 + 40
    [InlineData("6472010002090001", DayMessage)]
    [InlineData("6472013202090001", DayMessage)]
    [InlineData("6472019902090001", DayMessage)]
    [InlineData("6472011513090001", MonthMessage)]
    [InlineData("6472011500090001", MonthMessage)]
    [InlineData("6472013104090001", MonthTooShortMessage)] // 31 April
    [InlineData("6472017104090001", MonthTooShortMessage)] // 31 April, woman
    [InlineData("6472013002040001", MonthTooShortMessage)] // 30 February, leap year
    [InlineData("6472012902010001", LeapDayMessage)] // 29 February 01
    [InlineData("6472016902010001", LeapDayMessage)] // 29 February 01, woman
    [InlineData("6472016902980001", LeapDayMessage)]
    [InlineData("6472011508850000", SerialMessage)]
    [InlineData("1072011508850123", "The province part of the NIK (digits 1-2) should be in range [11-99].")]
    [InlineData("0972011508850123", "The province part of the NIK (digits 1-2) should be in range [11-99].")]
    [InlineData("6400011508850123", "The regency/city part of the NIK (digits 3-4) should be in range [01-99].")]
    [InlineData("6472001508850123", "The district part of the NIK (digits 5-6) should be in range [01-99].")]
    [InlineData("647201150885012", "A NIK has exactly 16 characters; the input has 15.")]
    [InlineData("64720115088501234", "A NIK has exactly 16 characters; the input has 17.")]
    [InlineData("", "A NIK has exactly 16 characters; the input has 0.")]
    [InlineData(" 6472011508850123", "A NIK has exactly 16 characters; the input has 17.")]
    [InlineData("6472.01150885012", "Expected an ASCII digit at position 5 of the NIK.")]
    [InlineData("647201150885012x", "Expected an ASCII digit at position 16 of the NIK.")]
    [InlineData("+472011508850123", "Expected an ASCII digit at position 1 of the NIK.")]
    [InlineData("6472\u0660115088501234", "A NIK has exactly 16 characters; the input has 17.")]
    [InlineData("6472\u066011508850123", "Expected an ASCII digit at position 5 of the NIK.")] // Arabic-Indic zero
    [InlineData("6472011508850\u06F123", "Expected an ASCII digit at position 14 of the NIK.")] // Extended Arabic-Indic one
    [InlineData("\uFF16472011508850123", "Expected an ASCII digit at position 1 of the NIK.")] // full-width six
    [InlineData("6472011508\u096650123", "Expected an ASCII digit at position 11 of the NIK.")] // Devanagari zero
    public void Parse_Invalid_NamesTheFailingPart(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse(text));
        Assert.Equal(message, ex.Message);
        Assert.False(Nik.TryParse(text, out var result));
        Assert.Equal(default, result);
        Assert.False(Nik.TryParse(text.AsSpan(), out _));
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("6472016902000001", 2000)] // 29 February 00: 2000 is a leap year even though 1900 is not
    [InlineData("6472012902000001", 2000)]
    [InlineData("6472016902040001", 2004)]
    [InlineData("6472012902960001", 1996)]
    [InlineData("6472016902240001", 2024)]
    public void Parse_LeapDay_AcceptedWhenTheYearCanBeLeap(string text, int expectedYear)
    {
        var nik = Nik.Parse(text);
        Assert.Equal(29, nik.BirthDay);
        Assert.Equal(2, nik.BirthMonth);
        Assert.Equal(new NodaTime.LocalDate(expectedYear, 2, 29), nik.ResolveBirthDate(new NodaTime.LocalDate(2026, 11, 27)));
    }

    [Theory]
    [InlineData("6472.0115.0885.0123")]
    [InlineData("647201 150885 0123")]
    [InlineData("64-72-01-15-08-85-0123")]
    [InlineData(" 6472011508850123 ")]
    [InlineData("64.72.01 150885-0123")]
    [InlineData(Man)]
    public void Parse_AllowSeparators_StripsSpacesDotsAndHyphens(string text)
    {
        Assert.Equal(Nik.Parse(Man), Nik.Parse(text, NikStyles.AllowSeparators));
        Assert.True(Nik.TryParse(text, NikStyles.AllowSeparators, out var result));
        Assert.Equal(Man, result.ToString());
        Assert.Equal(Nik.Parse(Man), Nik.Parse(text.AsSpan(), NikStyles.AllowSeparators));
    }

    [Theory]
    [InlineData("6472.0115.0885.0123")]
    [InlineData("647201 150885 0123")]
    public void Parse_Strict_RejectsSeparators(string text)
    {
        Assert.False(Nik.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Nik.Parse(text));
    }

    [Theory]
    [InlineData("6472/0115/0885/0123", "Expected an ASCII digit, space, '.' or '-' at position 5 of the NIK.")]
    [InlineData("6472011508850123\t", "Expected an ASCII digit, space, '.' or '-' at position 17 of the NIK.")]
    [InlineData("6472 \uFF10115088501234", "Expected an ASCII digit, space, '.' or '-' at position 6 of the NIK.")]
    [InlineData("6472.0115.0885.012", "A NIK has exactly 16 digits; the input has 15.")]
    [InlineData("6472.0115.0885.0123.4567", "A NIK has exactly 16 digits; the input has 20.")]
    [InlineData("...", "A NIK has exactly 16 digits; the input has 0.")]
    [InlineData("6472.0115.0885.0000", SerialMessage)]
    public void Parse_AllowSeparators_Invalid_NamesTheFailingPart(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse(text, NikStyles.AllowSeparators));
        Assert.Equal(message, ex.Message);
        Assert.False(Nik.TryParse(text, NikStyles.AllowSeparators, out _));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("s", () => Nik.Parse(null!));
        Assert.Throws<ArgumentNullException>("s", () => Nik.Parse(null!, NikStyles.AllowSeparators));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Nik.TryParse(null, out var result));
        Assert.Equal(default, result);
        Assert.False(Nik.TryParse(null, NikStyles.AllowSeparators, out _));
    }

    [Fact]
    public void Parse_UndefinedStyles_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("styles", () => Nik.Parse(Man, (NikStyles)2));
        Assert.StartsWith("Value should be a combination of the defined NikStyles flags.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("styles", () => Nik.TryParse(Man, (NikStyles)4, out _));
    }

    [Fact]
    public void SpanParsable_GenericCallers_UseStrictParsing()
    {
        Assert.Equal(Nik.Parse(Man), ParseGeneric<Nik>(Man));
        Assert.True(TryParseGeneric<Nik>(Man, out var result));
        Assert.Equal(Nik.Parse(Man), result);
        Assert.False(TryParseGeneric<Nik>("6472.0115.0885.0123", out _));
        Assert.False(TryParseGeneric<Nik>(null, out _));
        Assert.Throws<FormatException>(() => ParseGeneric<Nik>("6472011508850000"));
    }

    private static T ParseGeneric<T>(string s)
        where T : ISpanParsable<T> => T.Parse(s, null);

    private static bool TryParseGeneric<T>(string? s, out T result)
        where T : struct, ISpanParsable<T>
    {
        var fromString = T.TryParse(s, null, out result);
        var fromSpan = T.TryParse(s.AsSpan(), null, out var spanResult);
        Assert.Equal(fromString, fromSpan);
        Assert.Equal(result, spanResult);
        if (s is not null)
        {
            Assert.Equal(fromSpan, TryOrDefault(() => T.Parse(s.AsSpan(), null)));
        }

        return fromString;
    }

    private static bool TryOrDefault<T>(Func<T> parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
