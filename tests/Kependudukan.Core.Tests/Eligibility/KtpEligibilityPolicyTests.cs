using Kependudukan.Eligibility;
using NodaTime;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests.Eligibility;

public class KtpEligibilityPolicyTests
{
    private static readonly KtpEligibilityPolicy s_policy = KtpEligibilityPolicy.Default;
    private static readonly LocalDate s_asOf = D(2025, 8, 17);

    [Fact]
    public void Evaluate_SeventeenthBirthday_WajibByAge()
    {
        var decision = s_policy.Evaluate(Born(D(2008, 8, 17)), s_asOf);
        Assert.True(decision.IsWajibKtp);
        Assert.Equal(WajibKtpBasis.Age, decision.Basis);
        Assert.Equal(EligibilityExclusion.None, decision.Exclusion);
        Assert.Equal(17, decision.AgeInYears);
        Assert.Equal(s_asOf, decision.AsOf);
    }

    [Fact]
    public void Evaluate_DayBeforeSeventeenthBirthday_TooYoung()
    {
        var decision = s_policy.Evaluate(Born(D(2008, 8, 18)), s_asOf);
        Assert.False(decision.IsWajibKtp);
        Assert.Equal(WajibKtpBasis.None, decision.Basis);
        Assert.Equal(EligibilityExclusion.TooYoungNeverMarried, decision.Exclusion);
        Assert.Equal(16, decision.AgeInYears);
    }

    [Theory]
    [InlineData(LeapDayBirthdayRule.March1, "2025-02-28", false)]
    [InlineData(LeapDayBirthdayRule.March1, "2025-03-01", true)]
    [InlineData(LeapDayBirthdayRule.February28, "2025-02-27", false)]
    [InlineData(LeapDayBirthdayRule.February28, "2025-02-28", true)]
    public void Evaluate_LeapDayBirth_FollowsRule(LeapDayBirthdayRule rule, string asOf, bool wajib)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value;
        Assert.Equal(wajib, new KtpEligibilityPolicy(rule).Evaluate(Born(D(2008, 2, 29)), date).IsWajibKtp);
    }

    // UU 23/2006 Pasal 63(1) joins the conditions with "or": marriage makes a minor wajib KTP at any age.
    [Theory]
    [InlineData(MaritalStatus.Married, WajibKtpBasis.Married)]
    [InlineData(MaritalStatus.Divorced, WajibKtpBasis.PreviouslyMarried)]
    [InlineData(MaritalStatus.Widowed, WajibKtpBasis.PreviouslyMarried)]
    public void Evaluate_MarriedOrPreviouslyMarriedSixteenYearOld_Wajib(MaritalStatus status, WajibKtpBasis basis)
    {
        var decision = s_policy.Evaluate(Born(D(2009, 1, 1), status), s_asOf);
        Assert.Equal(16, decision.AgeInYears);
        Assert.True(decision.IsWajibKtp);
        Assert.Equal(basis, decision.Basis);
        Assert.Equal(EligibilityExclusion.None, decision.Exclusion);
    }

    [Fact]
    public void Evaluate_MarriedAdult_BasisIsAgeFirst() =>
        Assert.Equal(WajibKtpBasis.Age, s_policy.Evaluate(Born(D(1990, 1, 1), MaritalStatus.Married), s_asOf).Basis);

    [Fact]
    public void Evaluate_ItasHolder_NeverWajib()
    {
        var adult = s_policy.Evaluate(Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItas), s_asOf);
        Assert.False(adult.IsWajibKtp);
        Assert.Equal(EligibilityExclusion.ItasHolder, adult.Exclusion);
        var marriedMinor = s_policy.Evaluate(Born(D(2010, 1, 1), MaritalStatus.Married, Citizenship.ForeignerWithItas), s_asOf);
        Assert.Equal(EligibilityExclusion.ItasHolder, marriedMinor.Exclusion);
    }

    [Fact]
    public void Evaluate_ItapHolder_WajibLikeWni()
    {
        Assert.Equal(WajibKtpBasis.Age, s_policy.Evaluate(Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItap), s_asOf).Basis);
        Assert.Equal(WajibKtpBasis.Married, s_policy.Evaluate(Born(D(2010, 1, 1), MaritalStatus.Married, Citizenship.ForeignerWithItap), s_asOf).Basis);
        Assert.Equal(EligibilityExclusion.TooYoungNeverMarried, s_policy.Evaluate(Born(D(2010, 1, 1), citizenship: Citizenship.ForeignerWithItap), s_asOf).Exclusion);
    }

    // PermitExpiry is the last valid day: the ITAP still counts on it and expires the day after.
    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void Evaluate_ItapExpiry_ExpiryDayItselfStillValid(int expiryOffsetDays, bool wajib)
    {
        var resident = Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItap) with { PermitExpiry = s_asOf.PlusDays(expiryOffsetDays) };
        var decision = s_policy.Evaluate(resident, s_asOf);
        Assert.Equal(wajib, decision.IsWajibKtp);
        Assert.Equal(wajib ? EligibilityExclusion.None : EligibilityExclusion.ItapExpired, decision.Exclusion);
    }

    [Fact]
    public void Evaluate_WniWithPermitExpiry_IgnoresIt() =>
        Assert.True(s_policy.Evaluate(Born(D(1990, 1, 1)) with { PermitExpiry = D(2000, 1, 1) }, s_asOf).IsWajibKtp);

    // A death or a move abroad on the as-of date already counts; a later one does not; an unknown date counts on every date.
    [Theory]
    [InlineData(LifeStatus.Deceased, -1, EligibilityExclusion.Deceased)]
    [InlineData(LifeStatus.Deceased, 0, EligibilityExclusion.Deceased)]
    [InlineData(LifeStatus.Deceased, 1, EligibilityExclusion.None)]
    [InlineData(LifeStatus.Deceased, null, EligibilityExclusion.Deceased)]
    [InlineData(LifeStatus.MovedAbroad, -1, EligibilityExclusion.LivingAbroad)]
    [InlineData(LifeStatus.MovedAbroad, 0, EligibilityExclusion.LivingAbroad)]
    [InlineData(LifeStatus.MovedAbroad, 1, EligibilityExclusion.None)]
    [InlineData(LifeStatus.MovedAbroad, null, EligibilityExclusion.LivingAbroad)]
    public void Evaluate_DeceasedOrAbroad_ByDate(LifeStatus status, int? offsetDays, EligibilityExclusion expected)
    {
        var resident = Born(D(1990, 1, 1)) with { LifeStatus = status, LifeStatusDate = offsetDays is { } d ? s_asOf.PlusDays(d) : null };
        var decision = s_policy.Evaluate(resident, s_asOf);
        Assert.Equal(expected, decision.Exclusion);
        Assert.Equal(expected == EligibilityExclusion.None, decision.IsWajibKtp);
        Assert.Equal(expected == EligibilityExclusion.None, s_policy.IsPresent(resident, s_asOf));
    }

    [Fact]
    public void Evaluate_DeceasedItasHolder_ReportsDeceasedFirst() =>
        Assert.Equal(
            EligibilityExclusion.Deceased,
            s_policy.Evaluate(Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItas) with { LifeStatus = LifeStatus.Deceased }, s_asOf).Exclusion);

    [Fact]
    public void Evaluate_NotYetBorn()
    {
        var unborn = Born(s_asOf.PlusDays(1), MaritalStatus.Married);
        var decision = s_policy.Evaluate(unborn, s_asOf);
        Assert.Equal(EligibilityExclusion.NotYetBorn, decision.Exclusion);
        Assert.Equal(-1, decision.AgeInYears);
        Assert.False(s_policy.IsPresent(unborn, s_asOf));
        Assert.False(s_policy.IsChild(unborn, s_asOf));
        Assert.False(s_policy.IsKiaEligible(unborn, s_asOf));
        Assert.False(s_policy.MayRecord(unborn, s_asOf));
        Assert.True(s_policy.IsPresent(Born(s_asOf), s_asOf));
    }

    [Fact]
    public void MayRecord_FromSixteen()
    {
        Assert.True(s_policy.MayRecord(Born(D(2009, 8, 17)), s_asOf));
        Assert.False(s_policy.MayRecord(Born(D(2009, 8, 18)), s_asOf));
        Assert.True(s_policy.MayRecord(Born(D(2008, 8, 17)), s_asOf));
        Assert.True(s_policy.MayRecord(Born(D(2012, 1, 1), MaritalStatus.Married), s_asOf));
        Assert.False(s_policy.MayRecord(Born(D(2009, 1, 1), citizenship: Citizenship.ForeignerWithItas), s_asOf));
        Assert.False(s_policy.MayRecord(Born(D(2009, 1, 1)) with { LifeStatus = LifeStatus.MovedAbroad }, s_asOf));
    }

    [Fact]
    public void IsKiaEligible_UnderSeventeenNeverMarried()
    {
        Assert.True(s_policy.IsKiaEligible(Born(s_asOf), s_asOf));
        Assert.True(s_policy.IsKiaEligible(Born(D(2008, 8, 18)), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2008, 8, 17)), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2012, 1, 1), MaritalStatus.Married), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2012, 1, 1), MaritalStatus.Divorced), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2012, 1, 1)) with { LifeStatus = LifeStatus.Deceased }, s_asOf));
    }

    // Permendagri 2/2016: a foreign child gets a KIA against a passport and a permanent stay permit (ITAP).
    [Fact]
    public void IsKiaEligible_ForeignChild_NeedsValidItap()
    {
        Assert.True(s_policy.IsKiaEligible(Born(D(2015, 1, 1), citizenship: Citizenship.ForeignerWithItap), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2015, 1, 1), citizenship: Citizenship.ForeignerWithItas), s_asOf));
        Assert.False(s_policy.IsKiaEligible(Born(D(2015, 1, 1), citizenship: Citizenship.ForeignerWithItap) with { PermitExpiry = s_asOf.PlusDays(-1) }, s_asOf));
    }

    [Fact]
    public void IsChild_UnderEighteen()
    {
        Assert.False(s_policy.IsChild(Born(D(2007, 8, 17)), s_asOf));
        Assert.True(s_policy.IsChild(Born(D(2007, 8, 18)), s_asOf));
        Assert.Equal(17, s_policy.AgeInYears(D(2007, 8, 18), s_asOf));
        Assert.Equal(364, Period.Between(D(2024, 8, 18), s_asOf, PeriodUnits.Days).Days);
        Assert.True(s_policy.IsChild(Born(s_asOf), s_asOf));
        Assert.True(s_policy.IsChild(Born(D(2010, 1, 1), MaritalStatus.Married), s_asOf));
        Assert.True(s_policy.IsChild(Born(D(2010, 1, 1), citizenship: Citizenship.ForeignerWithItas), s_asOf));
        Assert.False(s_policy.IsChild(Born(D(2010, 1, 1)) with { LifeStatus = LifeStatus.Deceased }, s_asOf));
    }

    [Theory]
    [InlineData("2008-01-01", true)] // 17th birthday on the first day of the interval
    [InlineData("2008-06-30", true)] // on the last day
    [InlineData("2007-12-31", false)] // the day before it starts
    [InlineData("2008-07-01", false)] // the day after it ends
    public void BecameWajibKtpWithin_SeventeenthBirthdayInInterval(string birth, bool expected)
    {
        var interval = new DateInterval(D(2025, 1, 1), D(2025, 6, 30));
        var birthDate = NodaTime.Text.LocalDatePattern.Iso.Parse(birth).Value;
        Assert.Equal(expected, s_policy.BecameWajibKtpWithin(Born(birthDate), interval));
    }

    [Fact]
    public void BecameWajibKtpWithin_NotWajibAtEnd_False()
    {
        var interval = new DateInterval(D(2025, 1, 1), D(2025, 6, 30));
        Assert.False(s_policy.BecameWajibKtpWithin(Born(D(2008, 3, 1)) with { LifeStatus = LifeStatus.Deceased, LifeStatusDate = D(2025, 5, 1) }, interval));
        Assert.False(s_policy.BecameWajibKtpWithin(Born(D(2008, 3, 1), citizenship: Citizenship.ForeignerWithItas), interval));
        Assert.False(s_policy.BecameWajibKtpWithin(Born(D(2009, 3, 1), MaritalStatus.Married), interval));
        Assert.True(s_policy.BecameWajibKtpWithin(Born(D(2008, 3, 1), MaritalStatus.Married), interval));
    }

    [Fact]
    public void BecameWajibKtpWithin_LeapDayBirth_FollowsRule()
    {
        var lastDayOfFebruary = new DateInterval(D(2025, 2, 28), D(2025, 2, 28));
        Assert.False(new KtpEligibilityPolicy(LeapDayBirthdayRule.March1).BecameWajibKtpWithin(Born(D(2008, 2, 29)), lastDayOfFebruary));
        Assert.True(new KtpEligibilityPolicy(LeapDayBirthdayRule.February28).BecameWajibKtpWithin(Born(D(2008, 2, 29)), lastDayOfFebruary));
    }

    [Fact]
    public void PublicMethods_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.Evaluate(null!, s_asOf));
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.IsPresent(null!, s_asOf));
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.MayRecord(null!, s_asOf));
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.IsKiaEligible(null!, s_asOf));
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.IsChild(null!, s_asOf));
        Assert.Throws<ArgumentNullException>("resident", () => s_policy.BecameWajibKtpWithin(null!, new DateInterval(s_asOf, s_asOf)));
        Assert.Throws<ArgumentNullException>("interval", () => s_policy.BecameWajibKtpWithin(Born(s_asOf), null!));
    }
}
