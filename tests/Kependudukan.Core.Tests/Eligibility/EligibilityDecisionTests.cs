using Kependudukan.Eligibility;
using NodaTime;
using static Kependudukan.Tests.Eligibility.TestResidents;

namespace Kependudukan.Tests.Eligibility;

public class EligibilityDecisionTests
{
    private static readonly LocalDate s_asOf = D(2025, 8, 17);

    public static TheoryData<Resident, string> Explanations => new()
    {
        { Born(D(2008, 8, 17)), "Wajib KTP as of 2025-08-17: aged 17, at least 17 years old (UU 23/2006 Pasal 63(1))." },
        { Born(D(2009, 1, 1), MaritalStatus.Married), "Wajib KTP as of 2025-08-17: aged 16, under 17 but married (UU 23/2006 Pasal 63(1))." },
        { Born(D(2009, 1, 1), MaritalStatus.Widowed), "Wajib KTP as of 2025-08-17: aged 16, under 17 but previously married (UU 23/2006 Pasal 63(1))." },
        { Born(D(2008, 8, 18)), "Not wajib KTP as of 2025-08-17: aged 16, under 17 and never married (UU 23/2006 Pasal 63(1))." },
        { Born(D(2025, 8, 18)), "Not wajib KTP as of 2025-08-17: not yet born." },
        { Born(D(1950, 1, 1)) with { LifeStatus = LifeStatus.Deceased }, "Not wajib KTP as of 2025-08-17: aged 75, deceased." },
        { Born(D(1990, 1, 1)) with { LifeStatus = LifeStatus.MovedAbroad }, "Not wajib KTP as of 2025-08-17: aged 35, living abroad (excluded from national recording targets)." },
        { Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItas), "Not wajib KTP as of 2025-08-17: aged 35, a foreigner with a limited stay permit (ITAS) receives an SKTT, not a KTP-el." },
        { Born(D(1990, 1, 1), citizenship: Citizenship.ForeignerWithItap) with { PermitExpiry = D(2025, 8, 16) }, "Not wajib KTP as of 2025-08-17: aged 35, the permanent stay permit (ITAP) has expired." },
    };

    [Theory]
    [MemberData(nameof(Explanations))]
    public void Explain_StatesAsOfDateAndReason(Resident resident, string expected)
    {
        var decision = KtpEligibilityPolicy.Default.Evaluate(resident, s_asOf);
        Assert.Equal(expected, decision.Explain());
        Assert.Equal(expected, decision.ToString());
    }

    [Fact]
    public void Explain_Default_SaysNoDecision()
    {
        EligibilityDecision decision = default;
        Assert.False(decision.IsWajibKtp);
        Assert.Equal("No eligibility decision (the default value).", decision.Explain());
    }

    [Fact]
    public void Equality_ComparesAllProperties()
    {
        var resident = Born(D(2008, 8, 17));
        Assert.Equal(KtpEligibilityPolicy.Default.Evaluate(resident, s_asOf), KtpEligibilityPolicy.Default.Evaluate(resident, s_asOf));
        Assert.NotEqual(KtpEligibilityPolicy.Default.Evaluate(resident, s_asOf), KtpEligibilityPolicy.Default.Evaluate(resident, s_asOf.PlusDays(1)));
    }
}
