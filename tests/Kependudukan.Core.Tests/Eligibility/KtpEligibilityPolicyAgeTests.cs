using CsCheck;
using Kependudukan.Eligibility;
using NodaTime;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests.Eligibility;

public class KtpEligibilityPolicyAgeTests
{
    private static readonly KtpEligibilityPolicy s_march1 = new(LeapDayBirthdayRule.March1);
    private static readonly KtpEligibilityPolicy s_february28 = new(LeapDayBirthdayRule.February28);

    [Fact]
    public void Default_UsesMarch1() => Assert.Equal(LeapDayBirthdayRule.March1, KtpEligibilityPolicy.Default.LeapDayRule);

    [Theory]
    [InlineData(LeapDayBirthdayRule.None)]
    [InlineData((LeapDayBirthdayRule)3)]
    public void Ctor_InvalidRule_Throws(LeapDayBirthdayRule rule) =>
        Assert.Throws<ArgumentOutOfRangeException>("leapDayRule", () => new KtpEligibilityPolicy(rule));

    [Fact]
    public void AgeInYears_SeventeenthBirthdayAndDayBefore()
    {
        Assert.Equal(17, s_march1.AgeInYears(D(2008, 8, 17), D(2025, 8, 17)));
        Assert.Equal(16, s_march1.AgeInYears(D(2008, 8, 17), D(2025, 8, 16)));
    }

    [Fact]
    public void AgeInYears_BirthDayAndNotYetBorn()
    {
        Assert.Equal(0, s_march1.AgeInYears(D(2025, 8, 17), D(2025, 8, 17)));
        Assert.Equal(-1, s_march1.AgeInYears(D(2025, 8, 17), D(2025, 8, 16)));
        Assert.Equal(-1, s_march1.AgeInYears(D(2025, 8, 17), D(1990, 1, 1)));
    }

    // A 29 February birth completes 17 years in a non-leap year (birth year + 17 is never a multiple of 4), so the rule decides
    // whether the resident is 17 on 28 February.
    [Theory]
    [InlineData(LeapDayBirthdayRule.March1, "2025-02-27", 16)]
    [InlineData(LeapDayBirthdayRule.March1, "2025-02-28", 16)]
    [InlineData(LeapDayBirthdayRule.March1, "2025-03-01", 17)]
    [InlineData(LeapDayBirthdayRule.February28, "2025-02-27", 16)]
    [InlineData(LeapDayBirthdayRule.February28, "2025-02-28", 17)]
    [InlineData(LeapDayBirthdayRule.February28, "2025-03-01", 17)]
    public void AgeInYears_LeapDayBirth_NonLeapYear(LeapDayBirthdayRule rule, string asOf, int expected) =>
        Assert.Equal(expected, new KtpEligibilityPolicy(rule).AgeInYears(D(2008, 2, 29), Date(asOf)));

    // In a leap year the birthday is 29 February under both rules.
    [Theory]
    [InlineData(LeapDayBirthdayRule.March1, "2024-02-28", 15)]
    [InlineData(LeapDayBirthdayRule.March1, "2024-02-29", 16)]
    [InlineData(LeapDayBirthdayRule.February28, "2024-02-28", 15)]
    [InlineData(LeapDayBirthdayRule.February28, "2024-02-29", 16)]
    public void AgeInYears_LeapDayBirth_LeapYear(LeapDayBirthdayRule rule, string asOf, int expected) =>
        Assert.Equal(expected, new KtpEligibilityPolicy(rule).AgeInYears(D(2008, 2, 29), Date(asOf)));

    [Theory]
    [InlineData(LeapDayBirthdayRule.March1, 2008, 17, "2025-03-01")]
    [InlineData(LeapDayBirthdayRule.February28, 2008, 17, "2025-02-28")]
    [InlineData(LeapDayBirthdayRule.March1, 2008, 16, "2024-02-29")]
    [InlineData(LeapDayBirthdayRule.February28, 2008, 16, "2024-02-29")]
    [InlineData(LeapDayBirthdayRule.March1, 2008, 0, "2008-02-29")]
    [InlineData(LeapDayBirthdayRule.February28, 2008, 0, "2008-02-29")]
    [InlineData(LeapDayBirthdayRule.March1, 2000, 100, "2100-03-01")] // 2100 is not a leap year (divisible by 100, not by 400).
    [InlineData(LeapDayBirthdayRule.February28, 2000, 100, "2100-02-28")]
    public void BirthdayOfAge_LeapDayBirth(LeapDayBirthdayRule rule, int birthYear, int years, string expected) =>
        Assert.Equal(Date(expected), new KtpEligibilityPolicy(rule).BirthdayOfAge(D(birthYear, 2, 29), years));

    [Fact]
    public void BirthdayOfAge_OrdinaryDate_SameDayAndMonthUnderBothRules()
    {
        Assert.Equal(D(2025, 2, 28), s_march1.BirthdayOfAge(D(2008, 2, 28), 17));
        Assert.Equal(D(2025, 3, 1), s_february28.BirthdayOfAge(D(2008, 3, 1), 17));
        Assert.Equal(D(2025, 8, 17), s_february28.BirthdayOfAge(D(2008, 8, 17), 17));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void BirthdayOfAge_YearsOutOfRange_Throws(int years) =>
        Assert.Throws<ArgumentOutOfRangeException>("years", () => s_march1.BirthdayOfAge(D(2008, 8, 17), years));

    // Ages beyond 200 years come from bad data, but must still be counted in completed years.
    [Fact]
    public void AgeInYears_BeyondTwoHundredYears_CountsCompletedYears()
    {
        Assert.Equal(199, s_march1.AgeInYears(D(1800, 12, 31), D(2000, 12, 30)));
        Assert.Equal(200, s_march1.AgeInYears(D(1800, 12, 31), D(2000, 12, 31)));
        Assert.Equal(200, s_march1.AgeInYears(D(1800, 12, 31), D(2001, 1, 1)));
        Assert.Equal(250, s_march1.AgeInYears(D(1750, 6, 1), D(2000, 6, 1)));
        Assert.Equal(249, s_march1.AgeInYears(D(1750, 6, 1), D(2000, 5, 31)));
    }

    [Fact]
    public void AgeInYears_EqualsNaiveYearByYearCount() =>
        BirthAndAsOf.Sample((birth, asOf) =>
            s_march1.AgeInYears(birth, asOf) == NaiveAge(birth, asOf, LeapDayBirthdayRule.March1)
            && s_february28.AgeInYears(birth, asOf) == NaiveAge(birth, asOf, LeapDayBirthdayRule.February28),
            iter: 3000);

    [Fact]
    public void AgeInYears_February28_EqualsNodaTimePeriodYears() =>
        BirthAndAsOf.Sample((birth, asOf) =>
            s_february28.AgeInYears(birth, asOf) == Period.Between(birth, asOf, PeriodUnits.Years).Years,
            iter: 3000);

    [Fact]
    public void BirthdayOfAge_IsTheFirstDayOfThatAge() =>
        Gen.Select(BirthDates, Gen.Int[1, 120], Gen.Int[1, 2]).Sample((birth, years, rule) =>
        {
            var policy = new KtpEligibilityPolicy((LeapDayBirthdayRule)rule);
            var birthday = policy.BirthdayOfAge(birth, years);
            return policy.AgeInYears(birth, birthday) == years && policy.AgeInYears(birth, birthday.PlusDays(-1)) == years - 1;
        }, iter: 2000);

    // DOMAIN.md anti-pattern: age from a day count. 2008-08-17 to 2025-08-17 is 17 × 365 days plus the leap days of 2012,
    // 2016, 2020 and 2024: 6,209 days, and 6,209 / 365.25 = 16.9993, so the day count makes a 17-year-old 16 on the birthday.
    [Fact]
    public void DayCountAge_IsADayLateOnTheSeventeenthBirthday_CalendarAgeIsNot()
    {
        var birth = D(2008, 8, 17);
        Assert.Equal(6209, Period.Between(birth, D(2025, 8, 17), PeriodUnits.Days).Days);
        Assert.Equal(16, DayCountAge(birth, D(2025, 8, 17)));
        Assert.Equal(17, DayCountAge(birth, D(2025, 8, 18)));
        Assert.Equal(17, s_march1.AgeInYears(birth, D(2025, 8, 17)));
        Assert.Equal(16, s_march1.AgeInYears(birth, D(2025, 8, 16)));
    }

    // For a birth in 2008 the 17 years to the birthday contain five 29 Februaries (6,210 days, 17.002 years) when born up to
    // 29 February 2008, and four (6,209 days, 16.9993 years) when born from 1 March: those 306 birthdays (366 - 60) are misjudged.
    [Fact]
    public void DayCountAge_MisjudgesEverySeventeenthBirthdayFromMarch2008()
    {
        var wrong = 0;
        for (var birth = D(2008, 1, 1); birth.Year == 2008; birth = birth.PlusDays(1))
        {
            var birthday = s_march1.BirthdayOfAge(birth, 17);
            Assert.Equal(17, s_march1.AgeInYears(birth, birthday));
            if (DayCountAge(birth, birthday) != 17)
            {
                wrong++;
            }
        }

        Assert.Equal(306, wrong);
    }

    private static Gen<LocalDate> BirthDates { get; } = Gen.Frequency(
        (3, Gen.Int[0, 200 * 366].Select(days => D(1850, 1, 1).PlusDays(days))),
        (1, Gen.Int[1852, 2048].Where(DateTime.IsLeapYear).Select(year => D(year, 2, 29))));

    // As-of dates on or after the birth: anywhere in the next 130 years, or within 3 days of a birthday (so 28 February and
    // 1 March around a leap-day birthday are frequent).
    private static Gen<(LocalDate Birth, LocalDate AsOf)> BirthAndAsOf { get; } =
        BirthDates.SelectMany(birth => Gen.Frequency(
            (1, Gen.Int[0, 130 * 366].Select(days => (birth, birth.PlusDays(days)))),
            (2, Gen.Select(Gen.Int[0, 130], Gen.Int[-3, 3]).Select((years, shift) =>
                (birth, D(birth.Year + years, birth.Month, 1).PlusDays(birth.Day - 1 + shift))))))
        .Where((birth, asOf) => asOf >= birth);

    // Steps birthdays one year at a time, building each date directly (no NodaTime PlusYears).
    private static int NaiveAge(LocalDate birth, LocalDate asOf, LeapDayBirthdayRule rule)
    {
        var age = -1;
        for (var year = birth.Year; ; year++)
        {
            LocalDate birthday = birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(year)
                ? (rule == LeapDayBirthdayRule.March1 ? D(year, 3, 1) : D(year, 2, 28))
                : D(year, birth.Month, birth.Day);
            if (birthday > asOf)
            {
                return age;
            }

            age++;
        }
    }

    private static int DayCountAge(LocalDate birth, LocalDate asOf) =>
        (int)Math.Floor(Period.Between(birth, asOf, PeriodUnits.Days).Days / 365.25);

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
