using System.Text;
using CsCheck;
using Kependudukan.Data.Internals;
using Kependudukan.Identity;
using Kependudukan.Recording;
using Kependudukan.Regions;
using NodaTime;
using NodaTime.Text;

namespace Kependudukan.Data.Tests.Internals;

/// <summary>The fast UTF-8 cell readers against the general <see cref="FieldParser"/>: a cell the fast path reads must be read
/// with the same value by the general parser, and the common spellings must take the fast path.</summary>
public sealed class Utf8FieldParserTests
{
    private const byte Separator = (byte)',';

    private delegate int Reader<T>(ref byte cell, out T value);

    private delegate bool General<T>(ReadOnlySpan<char> s, out T value);

    /// <summary>Spellings the schema accepts (from the writers and the general parser's tables) and near misses.</summary>
    private static readonly string[] s_words =
    [
        "", " ", "L", "P", "M", "F", "l", "p", "m", "f", "W", "Lk", " L", "L ", "male", "female", "laki-laki", "perempuan", "lk", "pr",
        "WNI", "wni", "ITAP", "ITAS", "KITAP", "KITAS", "itap", "WNA", "WN", "WNII", "ITA",
        "kawin", "belum kawin", "cerai hidup", "cerai mati", "Kawin", "BELUM_KAWIN", "married", "cerai", "kawin ", "belum  kawin", "cerai matii",
        "hidup", "mati", "pindah luar negeri", "alive", "meninggal", "pindah", "HIDUP", "hidupp", "pindah luar negeri!",
        "UNREGISTERED", "BIO_CAPTURED", "PROCESSING", "SENT_FOR_ENROLLMENT", "RECEIVED_AT_CENTRAL", "PRINT_READY_RECORD",
        "SENT_FOR_CARD_PRINTING", "CARD_PRINTED", "CARD_SHIPPED", "CARD_ISSUED", "ENROLL_FAILURE_AT_CENTRAL", "SEARCH_FAILURE_AT_CENTRAL",
        "ENROLL_FAILURE_AT_REGIONAL", "DUPLICATE_RECORD", "PRR", "card issued", "CARD_ISSUE", "CARD_ISSUEDX", "SENT_FOR", "E", "C",
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "ya", "tidak", "true", "false", "yes", "no", "00", "11",
        "\"1\"", "é", "L\u00e9", "\u00a0L",
    ];

    private static readonly Gen<string> s_word = Gen.OneOf(
        Gen.OneOf<string>(s_words),
        Gen.OneOf<string>(s_words).SelectMany(w => Gen.Int[0, Math.Max(0, w.Length - 1)].Select(cut => w[..cut])),
        // One byte of a known word replaced, anywhere in it (the middle of a long word included).
        Gen.OneOf<string>(s_words.Where(w => w.Length > 0).ToArray())
            .SelectMany(w => Gen.Select(Gen.Int[0, w.Length - 1], Gen.Char["XZ_ a0"], (at, c) => string.Concat(w.AsSpan(0, at), [c], w.AsSpan(at + 1)))),
        Gen.String[Gen.Char["LPMFWNIKTASlpmfwnikta _-019\"é"], 0, 6]);

    [Fact]
    public void Nik_SixteenCharacters_SameAsNikTryParse()
    {
        // Digits with the parts near their limits (province 10/11, day 31/32/40/41/71/72, month 00/12/13, serial 0000).
        var digits = Gen.Char["0123456789"].Array[16].Select(c => new string(c));
        var region = Gen.Select(Gen.Int[9, 99], Gen.Int[0, 99], Gen.Int[0, 99], (p, r, c) => $"{p:00}{r:00}{c:00}");
        var birth = Gen.Select(Gen.OneOf(Gen.Int[0, 99], Gen.OneOf<int>(29, 30, 31, 32, 40, 41, 69, 70, 71, 72)), Gen.Int[0, 13], Gen.Int[0, 99],
            (d, m, y) => $"{d:00}{m:00}{y:00}");
        var parts = Gen.Select(region, birth, Gen.OneOf(Gen.Int[0, 9999], Gen.Const(0)), (r, b, s) => $"{r}{b}{s:0000}");
        Gen.OneOf(digits, parts, Gen.String[Gen.Char["0123456789 x"], 16, 16]).Sample(text =>
        {
            var ok = Nik.TryParse(text, NikStyles.None, out var expected);
            var end = Utf8FieldParser.Nik(ref Cell(text)[0], out var nik);
            Assert.Equal(ok, end == 16);
            if (ok)
            {
                Assert.Equal(expected, nik);
                Assert.Equal(expected.Value, nik.Value);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Village_Codes_FastOnlyWhenGeneralAgrees()
    {
        var dotted = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 9999], (p, r, c, v) => $"{p:00}.{r:00}.{c:00}.{v:0000}");
        var near = Gen.String[Gen.Char["0123456789."], 10, 14];
        Gen.OneOf(dotted, near).Sample(text =>
        {
            AssertFastImpliesGeneral<RegionCode>(text, Utf8FieldParser.Village, FieldParser.TryParseDomicile);
            if (RegionCode.TryParse(text, out var code) && code.Level == RegionLevel.Village && text.Length == 13)
            {
                Assert.Equal(13, Utf8FieldParser.Village(ref Cell(text)[0], out _));
            }
        }, iter: 10_000);
    }

    [Fact]
    public void Date_TenCharacters_SameAsGeneralParser()
    {
        var nearly = Gen.Char["0123456789-"].Array[10].Select(c => new string(c));
        var dates = Gen.Int[1, 3_652_058].Select(days => LocalDatePattern.Iso.Format(new LocalDate(1, 1, 1).PlusDays(days - 1)));
        var parts = Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => $"{y:0000}-{m:00}-{d:00}");
        Gen.OneOf(nearly, dates, parts).Sample(text =>
        {
            var ok = FieldParser.TryParseDate(text, out var expected);
            var end = Utf8FieldParser.Date(ref Cell(text)[0], out var date);
            Assert.Equal(ok, end == 10);
            if (ok)
            {
                Assert.Equal(expected, date);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void StorableDate_TenCharacters_DaysFrom1900WhenGeneralParserAgrees()
    {
        // The table-based day count against NodaTime's for every date the general parser reads, the years around 1900 and
        // 2079 and the leap days (1900 is no leap year, 2000 is) included.
        var nearly = Gen.Char["0123456789-"].Array[10].Select(c => new string(c));
        var dates = Gen.Int[-400, 66_000].Select(days => LocalDatePattern.Iso.Format(new LocalDate(1900, 1, 1).PlusDays(days)));
        var parts = Gen.Select(Gen.OneOf(Gen.Int[1895, 2085], Gen.OneOf<int>(0, 1, 9999)), Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => $"{y:0000}-{m:00}-{d:00}");
        Gen.OneOf(nearly, dates, parts).Sample(text =>
        {
            var ok = FieldParser.TryParseDate(text, out var expected) && expected.Year is >= 1900 and <= 2079;
            var end = Utf8FieldParser.StorableDate(ref Cell(text)[0], out var days, out var digits);
            Assert.Equal(ok, end == 10);
            if (ok)
            {
                Assert.Equal(Period.Between(new LocalDate(1900, 1, 1), expected, PeriodUnits.Days).Days, days);
                Assert.Equal((expected.Day * 10_000) + (expected.Month * 100) + (expected.Year % 100), digits);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Words_AnyCell_FastOnlyWhenGeneralAgrees()
    {
        s_word.Sample(text =>
        {
            AssertFastImpliesGeneral<Sex>(text, Utf8FieldParser.Sex, FieldParser.TryParseSex);
            AssertFastImpliesGeneral<Citizenship>(text, (ref c, out v) => Utf8FieldParser.Citizenship(ref c, Separator, out v), FieldParser.TryParseCitizenship);
            AssertFastImpliesGeneral<MaritalStatus>(text, (ref c, out v) => Utf8FieldParser.MaritalStatus(ref c, Separator, out v), FieldParser.TryParseMaritalStatus);
            AssertFastImpliesGeneral<LifeStatus>(text, (ref c, out v) => Utf8FieldParser.LifeStatus(ref c, Separator, out v), FieldParser.TryParseLifeStatus);
            AssertFastImpliesGeneral<KtpElStatus>(text, (ref c, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v), FieldParser.TryParseKtpStatus);
            AssertFastImpliesGeneral<bool>(text, (ref c, out v) => Utf8FieldParser.Flag(ref c, Separator, out v), FieldParser.TryParseFlag);
        }, iter: 20_000);
    }

    [Fact]
    public void Words_SeparatorFollows_SameAsAnyCellEnd()
    {
        // Layouts with a separator after every word cell look for the separator alone: the same words must be read, and a
        // line break before the separator must never become part of a word.
        s_word.Sample(text =>
        {
            AssertSameEitherWay<Citizenship>(text, (ref c, follows, out v) => Utf8FieldParser.Citizenship(ref c, Separator, out v, follows));
            AssertSameEitherWay<MaritalStatus>(text, (ref c, follows, out v) => Utf8FieldParser.MaritalStatus(ref c, Separator, out v, follows));
            AssertSameEitherWay<LifeStatus>(text, (ref c, follows, out v) => Utf8FieldParser.LifeStatus(ref c, Separator, out v, follows));
            AssertSameEitherWay<KtpElStatus>(text, (ref c, follows, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v, follows));
        }, iter: 20_000);
    }

    private delegate int WordReader<T>(ref byte cell, bool separatorFollows, out T value);

    private static void AssertSameEitherWay<T>(string text, WordReader<T> read)
    {
        var anyEnd = read(ref Cell(text)[0], false, out var expected);
        var separatorOnly = read(ref Cell(text)[0], true, out var value);
        Assert.Equal(anyEnd, separatorOnly);
        Assert.Equal(expected, value);

        var broken = Encoding.UTF8.GetBytes(text + "\nx," + new string('x', Utf8FieldParser.Window));
        var length = read(ref broken[0], true, out _);
        Assert.True(length <= Encoding.UTF8.GetByteCount(text), text);
    }

    [Fact]
    public void Words_OneByteChangedAnywhere_FastOnlyWhenGeneralAgrees()
    {
        // Every byte of every known word, the middle of the 25- and 26-byte status names included, is part of the match.
        foreach (var word in s_words.Where(w => w.Length > 1))
        {
            for (var at = 0; at < word.Length; at++)
            {
                var text = string.Concat(word.AsSpan(0, at), word[at] == 'X' ? "Y" : "X", word.AsSpan(at + 1));
                AssertFastImpliesGeneral<Citizenship>(text, (ref c, out v) => Utf8FieldParser.Citizenship(ref c, Separator, out v), FieldParser.TryParseCitizenship);
                AssertFastImpliesGeneral<MaritalStatus>(text, (ref c, out v) => Utf8FieldParser.MaritalStatus(ref c, Separator, out v), FieldParser.TryParseMaritalStatus);
                AssertFastImpliesGeneral<LifeStatus>(text, (ref c, out v) => Utf8FieldParser.LifeStatus(ref c, Separator, out v), FieldParser.TryParseLifeStatus);
                AssertFastImpliesGeneral<KtpElStatus>(text, (ref c, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v), FieldParser.TryParseKtpStatus);
            }
        }
    }

    [Fact]
    public void Words_WriterSpellings_TakeTheFastPath()
    {
        foreach (var sex in new[] { Sex.Male, Sex.Female })
        {
            AssertFast<Sex>(CanonicalText.Sex(sex), Utf8FieldParser.Sex, sex);
        }

        foreach (var citizenship in Enum.GetValues<Citizenship>().Where(c => c != Citizenship.None))
        {
            AssertFast(CanonicalText.Citizenship(citizenship), (ref byte c, out Citizenship v) => Utf8FieldParser.Citizenship(ref c, Separator, out v), citizenship);
        }

        foreach (var status in Enum.GetValues<MaritalStatus>().Where(c => c != MaritalStatus.None))
        {
            AssertFast(CanonicalText.MaritalStatus(status), (ref byte c, out MaritalStatus v) => Utf8FieldParser.MaritalStatus(ref c, Separator, out v), status);
        }

        foreach (var status in Enum.GetValues<LifeStatus>().Where(c => c != LifeStatus.None))
        {
            AssertFast(CanonicalText.LifeStatus(status), (ref c, out v) => Utf8FieldParser.LifeStatus(ref c, Separator, out v), status);
        }

        foreach (var status in Enum.GetValues<KtpElStatus>().Where(c => c != KtpElStatus.None))
        {
            AssertFast(CanonicalText.KtpStatus(status), (ref c, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v), status);
        }

        for (var code = 1; code <= 8; code++)
        {
            Assert.True(FieldParser.TryParseKtpStatus(code.ToString(System.Globalization.CultureInfo.InvariantCulture), out var expected));
            AssertFast(code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (ref c, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v), expected);
        }

        AssertFast("1", (ref c, out v) => Utf8FieldParser.Flag(ref c, Separator, out v), true);
        AssertFast("0", (ref c, out v) => Utf8FieldParser.Flag(ref c, Separator, out v), false);
        AssertFast(string.Empty, (ref c, out v) => Utf8FieldParser.Flag(ref c, Separator, out v), false);
        AssertFast(string.Empty, (ref c, out v) => Utf8FieldParser.LifeStatus(ref c, Separator, out v), LifeStatus.Alive);
        AssertFast(string.Empty, (ref c, out v) => Utf8FieldParser.KtpStatus(ref c, Separator, out v), KtpElStatus.Unregistered);
    }

    /// <summary>The bytes of a cell followed by a separator and more text, as in a row, with the readable window the readers need.</summary>
    private static byte[] Cell(string text) => Encoding.UTF8.GetBytes(text + "," + new string('x', Utf8FieldParser.Window));

    private static void AssertFastImpliesGeneral<T>(string text, Reader<T> fast, General<T> general)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (fast(ref Cell(text)[0], out var value) == length)
        {
            Assert.True(general(text, out var expected), text);
            Assert.Equal(expected, value);
        }
    }

    private static void AssertFast<T>(string text, Reader<T> fast, T expected)
    {
        Assert.Equal(Encoding.UTF8.GetByteCount(text), fast(ref Cell(text)[0], out var value));
        Assert.Equal(expected, value);
    }
}
