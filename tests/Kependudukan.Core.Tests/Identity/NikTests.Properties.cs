using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Kependudukan.Identity;
using Kependudukan.Regions;
using NodaTime;

namespace Kependudukan.Tests.Identity;

public partial class NikTests
{
    internal static readonly Gen<RegionCode> GenDistrict = Gen.Select(Gen.Int[11, 99], Gen.Int[1, 99], Gen.Int[1, 99], RegionCode.District);

    internal static readonly Gen<LocalDate> GenBirthDate = Gen.Int[0, 365 * 300].Select(days => new LocalDate(1850, 1, 1).PlusDays(days));

    internal static readonly Gen<Sex> GenSex = Gen.OneOf(Sex.Male, Sex.Female);

    internal static readonly Gen<Nik> GenNik = Gen.Select(GenDistrict, GenBirthDate, GenSex, Gen.Int[1, 9999], Nik.Create);

    // Sixteen ASCII digits whose parts stray just outside their ranges: province below 11, regency/district 00, day 00 and
    // 32-40 and 72-75, month 00 and 13-14, serial 0000.
    private static readonly Gen<string> GenNearValidDigits = Gen.Select(
        Gen.Select(Gen.Int[5, 99], Gen.Frequency((1, Gen.Const(0)), (9, Gen.Int[1, 99])), Gen.Frequency((1, Gen.Const(0)), (9, Gen.Int[1, 99]))),
        Gen.Int[0, 75],
        Gen.Int[0, 14],
        Gen.Int[0, 99],
        Gen.Frequency((1, Gen.Const(0)), (9, Gen.Int[1, 9999])),
        (region, day, month, year, serial) => string.Create(CultureInfo.InvariantCulture,
            $"{region.Item1:D2}{region.Item2:D2}{region.Item3:D2}{day:D2}{month:D2}{year:D2}{serial:D4}"));

    // A valid NIK with one character replaced by a digit, a separator, a letter or a non-ASCII digit.
    private static readonly Gen<string> GenMutatedNik = Gen.Select(GenNik, Gen.Int[0, 15], Gen.Char["0123456789 .-x\u0660\u06F5\uFF10\u0966"],
        (nik, position, c) =>
        {
            var chars = nik.ToString().ToCharArray();
            chars[position] = c;
            return new string(chars);
        });

    private static readonly Gen<string> GenNikLikeText = Gen.OneOf(GenNearValidDigits, GenMutatedNik);

    [Fact]
    public void TryParse_RandomStrings_NeverThrows() =>
        Gen.OneOf(Gen.String, Gen.String["0123456789 .-x\u0660\uFF10"]).Sample(text =>
        {
            if (!Nik.TryParse(text, out var result))
            {
                Assert.Equal(default, result);
            }

            Nik.TryParse(text, NikStyles.AllowSeparators, out _);
            Nik.TryParse(text.AsSpan(), out _);
        }, iter: 5_000);

    [Fact]
    public void TryParse_NearValidDigits_AgreesWithAPlainCalendarCheck() =>
        GenNikLikeText.Sample(text =>
        {
            var parsed = Nik.TryParse(text, out var result);
            Assert.Equal(ReferenceIsValid(text), parsed);
            if (parsed)
            {
                Assert.Equal(text, result.ToString());
            }
        }, iter: 5_000);

    [Fact]
    public void Parse_FormattedNik_RoundTrips() =>
        GenNik.Sample(nik =>
        {
            var text = nik.ToString();
            Assert.Equal(nik, Nik.Parse(text));
            Assert.Equal(nik, Nik.Parse(string.Join('.', text[..4], text[4..8], text[8..12], text[12..]), NikStyles.AllowSeparators));
            Assert.Equal(text[..6] + "**********", nik.ToMaskedString());
        }, iter: 2_000);

    [Fact]
    public void Create_Parts_ReadBack() =>
        Gen.Select(GenDistrict, GenBirthDate, GenSex, Gen.Int[1, 9999], Gen.Int[0, 36_499]).Sample((district, birth, sex, serial, daysLater) =>
        {
            var nik = Nik.Create(district, birth, sex, serial);
            Assert.Equal(district, nik.RegistrationDistrict);
            Assert.Equal(sex, nik.Sex);
            Assert.Equal(birth.Day, nik.BirthDay);
            Assert.Equal(birth.Day + (sex == Sex.Female ? 40 : 0), nik.EncodedDay);
            Assert.Equal(birth.Month, nik.BirthMonth);
            Assert.Equal(birth.Year % 100, nik.BirthYearOfCentury);
            Assert.Equal(serial, nik.Serial);
            Assert.True(nik.IsConsistentWith(birth, sex));

            // Any reference less than 100 years after the birth resolves to the birth date itself.
            Assert.Equal(birth, nik.ResolveBirthDate(birth.PlusDays(daysLater)));
        }, iter: 2_000);

    [Fact]
    public void ResolveBirthDate_RandomReference_AgreesWithAYearByYearSearch() =>
        Gen.Select(GenNik, Gen.Int[0, 365 * 400].Select(days => new LocalDate(1900, 1, 1).PlusDays(days))).Sample((nik, reference) =>
        {
            var expected = ReferenceResolve(nik, reference);
            Assert.Equal(expected, nik.ResolveBirthDate(reference));
        }, iter: 2_000);

    [Fact]
    public void Parse_Invalid_MessageNeverContainsTheDigits() =>
        Gen.OneOf(GenNikLikeText, Gen.String[6, 30]).Sample(text =>
        {
            foreach (var styles in new[] { NikStyles.None, NikStyles.AllowSeparators })
            {
                if (!Nik.TryParse(text, styles, out _))
                {
                    var ex = Assert.Throws<FormatException>(() => Nik.Parse(text, styles));
                    Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
                    Assert.DoesNotMatch(FiveDigits(), ex.Message);
                }
            }
        }, iter: 3_000);

    // The rule written independently of the parser: 16 ASCII digits, province 11+, regency, district and serial non-zero,
    // and the day (less 40 for women) and month form a real date in 19yy or 20yy.
    private static bool ReferenceIsValid(string text)
    {
        if (text.Length != 16 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        int Part(int start, int length) => int.Parse(text.AsSpan(start, length), CultureInfo.InvariantCulture);
        var encodedDay = Part(6, 2);
        var day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
        var month = Part(8, 2);
        var year = Part(10, 2);
        bool Exists(int y) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month);
        return Part(0, 2) >= 11 && Part(2, 2) > 0 && Part(4, 2) > 0 && Part(12, 4) > 0 && (Exists(1900 + year) || Exists(2000 + year));
    }

    private static LocalDate ReferenceResolve(Nik nik, LocalDate reference)
    {
        for (var year = reference.Year; ; year--)
        {
            if (year % 100 == nik.BirthYearOfCentury && nik.BirthDay <= DateTime.DaysInMonth(year, nik.BirthMonth))
            {
                var date = new LocalDate(year, nik.BirthMonth, nik.BirthDay);
                if (date <= reference)
                {
                    return date;
                }
            }
        }
    }

    [GeneratedRegex(@"\d{5}")]
    private static partial Regex FiveDigits();
}
