using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Eligibility;

/// <summary>The explained answer to "is this resident wajib KTP on this date?".</summary>
/// <remarks>Exactly one of <see cref="Basis"/> and <see cref="Exclusion"/> is not <c>None</c>, except in the default value,
/// which is no decision. Equality compares all four properties.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct EligibilityDecision
{
    internal EligibilityDecision(LocalDate asOf, int ageInYears, WajibKtpBasis basis, EligibilityExclusion exclusion)
    {
        AsOf = asOf;
        AgeInYears = ageInYears;
        Basis = basis;
        Exclusion = exclusion;
    }

    /// <summary>Gets the date the decision applies to.</summary>
    /// <value>The as-of date given by the caller.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the age in completed years on <see cref="AsOf"/>, under the policy's 29 February rule.</summary>
    /// <value>The age; negative when the resident is not yet born.</value>
    public int AgeInYears { get; }

    /// <summary>Gets the condition that made the resident wajib KTP.</summary>
    /// <value><see cref="WajibKtpBasis.None"/> when not wajib KTP.</value>
    public WajibKtpBasis Basis { get; }

    /// <summary>Gets the reason the resident is not wajib KTP.</summary>
    /// <value><see cref="EligibilityExclusion.None"/> when wajib KTP.</value>
    public EligibilityExclusion Exclusion { get; }

    /// <summary>Gets a value indicating whether the resident is wajib KTP on <see cref="AsOf"/>.</summary>
    /// <value><see langword="true"/> when <see cref="Basis"/> is set.</value>
    public bool IsWajibKtp => Basis != WajibKtpBasis.None;

    /// <summary>Returns a one-sentence English explanation that states the as-of date and the reason, citing the rule.</summary>
    /// <returns>For example "Wajib KTP as of 2025-08-17: aged 17, at least 17 years old (UU 23/2006 Pasal 63(1))."; the age
    /// is left out for a resident not yet born.</returns>
    public string Explain()
    {
        if (Basis == WajibKtpBasis.None && Exclusion == EligibilityExclusion.None)
        {
            return "No eligibility decision (the default value).";
        }

        var head = Invariant($"{(IsWajibKtp ? "Wajib KTP" : "Not wajib KTP")} as of {AsOf:uuuu-MM-dd}: ");
        if (Exclusion != EligibilityExclusion.NotYetBorn)
        {
            head += Invariant($"aged {AgeInYears}, ");
        }

        var why = (Basis, Exclusion) switch
        {
            (WajibKtpBasis.Age, _) => "at least 17 years old (UU 23/2006 Pasal 63(1)).",
            (WajibKtpBasis.Married, _) => "under 17 but married (UU 23/2006 Pasal 63(1)).",
            (WajibKtpBasis.PreviouslyMarried, _) => "under 17 but previously married (UU 23/2006 Pasal 63(1)).",
            (_, EligibilityExclusion.NotYetBorn) => "not yet born.",
            (_, EligibilityExclusion.Deceased) => "deceased.",
            (_, EligibilityExclusion.LivingAbroad) => "living abroad (excluded from national recording targets).",
            (_, EligibilityExclusion.ItasHolder) => "a foreigner with a limited stay permit (ITAS) receives an SKTT, not a KTP-el.",
            (_, EligibilityExclusion.ItapExpired) => "the permanent stay permit (ITAP) has expired.",
            _ => "under 17 and never married (UU 23/2006 Pasal 63(1)).",
        };
        return head + why;
    }

    /// <inheritdoc cref="Explain"/>
    public override string ToString() => Explain();
}
