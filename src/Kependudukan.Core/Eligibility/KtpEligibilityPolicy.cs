using Kependudukan.Utility;
using NodaTime;

namespace Kependudukan.Eligibility;

/// <summary>Decides who is wajib KTP (UU 23/2006 as amended by UU 24/2013, Pasal 63(1)) and the related age tests.</summary>
/// <remarks>
/// <para>A resident is wajib KTP on a date when they are alive and living in Indonesia on it, are a WNI or a foreigner with a
/// valid ITAP (not ITAS), and are at least 17 <em>or</em> married <em>or</em> previously married.</para>
/// <para>Ages are completed calendar years as of a date the caller gives; the 17th birthday itself counts. A 29 February
/// birthday in a non-leap year follows <see cref="LeapDayRule"/> (default <see cref="LeapDayBirthdayRule.March1"/>).</para>
/// <para>Marital status is taken as in the record on every date (the registry holds no marriage date); recording, death and
/// moving abroad use their dates where known.</para>
/// </remarks>
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
public sealed class KtpEligibilityPolicy
{
    /// <summary>The age at which every eligible resident becomes wajib KTP.</summary>
    public const int WajibKtpAge = 17;

    /// <summary>The age from which recording may start (Dukcapil practice).</summary>
    public const int MinimumRecordingAge = 16;

    /// <summary>The exclusive upper age of a child for birth-certificate coverage (0 to under 18).</summary>
    public const int ChildAgeLimit = 18;

    /// <summary>The exclusive upper age for a child identity card (KIA): under 17.</summary>
    public const int KiaAgeLimit = 17;

    /// <summary>Initializes a new policy.</summary>
    /// <param name="leapDayRule">When a 29 February birthday falls in non-leap years.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leapDayRule"/> is <c>None</c> or undefined.</exception>
    public KtpEligibilityPolicy(LeapDayBirthdayRule leapDayRule = LeapDayBirthdayRule.March1)
    {
        Preconditions.CheckArgumentRange(nameof(leapDayRule), (int)leapDayRule, (int)LeapDayBirthdayRule.March1, (int)LeapDayBirthdayRule.February28);
        LeapDayRule = leapDayRule;
    }

    /// <summary>Gets the policy with default settings.</summary>
    /// <value>A shared policy using <see cref="LeapDayBirthdayRule.March1"/>.</value>
    public static KtpEligibilityPolicy Default { get; } = new();

    /// <summary>Gets the 29 February rule.</summary>
    /// <value>The rule given at construction; the default is <see cref="LeapDayBirthdayRule.March1"/>.</value>
    public LeapDayBirthdayRule LeapDayRule { get; }

    /// <summary>Returns the date on which a resident born on <paramref name="birthDate"/> completes <paramref name="years"/> years.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <param name="years">The age, 0 or more.</param>
    /// <returns>The birthday; for a 29 February birth in a non-leap target year, 1 March or 28 February per <see cref="LeapDayRule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative or beyond 200.</exception>
    public LocalDate BirthdayOfAge(LocalDate birthDate, int years)
    {
        Preconditions.CheckArgumentRange(nameof(years), years, 0, 200);
        return BirthdayOfAgeCore(birthDate, years);
    }

    /// <summary>Returns the age in completed years on a date.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <param name="asOf">The date of the age.</param>
    /// <returns>The completed years; -1 when <paramref name="asOf"/> is before the birth.</returns>
    public int AgeInYears(LocalDate birthDate, LocalDate asOf)
    {
        if (asOf < birthDate)
        {
            return -1;
        }

        var years = asOf.Year - birthDate.Year;
        return BirthdayOfAgeCore(birthDate, years) > asOf ? years - 1 : years;
    }

    /// <summary>Decides whether a resident is wajib KTP on a date, and why.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The date of the decision.</param>
    /// <returns>The explained decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public EligibilityDecision Evaluate(Resident resident, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var age = AgeInYears(resident.BirthDate, asOf);
        var exclusion = PresenceOrPermitExclusion(resident, asOf, age);
        var basis = WajibKtpBasis.None;
        if (exclusion == EligibilityExclusion.None)
        {
            basis = age >= WajibKtpAge ? WajibKtpBasis.Age
                : resident.MaritalStatus == MaritalStatus.Married ? WajibKtpBasis.Married
                : resident.MaritalStatus is MaritalStatus.Divorced or MaritalStatus.Widowed ? WajibKtpBasis.PreviouslyMarried
                : WajibKtpBasis.None;
            if (basis == WajibKtpBasis.None)
            {
                exclusion = EligibilityExclusion.TooYoungNeverMarried;
            }
        }

        return new EligibilityDecision(asOf, age, basis, exclusion);
    }

    /// <summary>Returns whether the resident is a living resident in Indonesia on the date (born, not deceased, not abroad).</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when the resident counts in the population on <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public bool IsPresent(Resident resident, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return PresenceExclusion(resident, asOf, AgeInYears(resident.BirthDate, asOf)) == EligibilityExclusion.None;
    }

    /// <summary>Returns whether the resident may record biometrics on the date: wajib KTP, or at least 16 and otherwise eligible.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when recording is allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public bool MayRecord(Resident resident, LocalDate asOf)
    {
        var decision = Evaluate(resident, asOf);
        return decision.IsWajibKtp
            || (decision.Exclusion == EligibilityExclusion.TooYoungNeverMarried && decision.AgeInYears >= MinimumRecordingAge);
    }

    /// <summary>Returns whether the resident is eligible for a child identity card (KIA): present, under 17, never married, and a WNI
    /// or a foreigner with a valid ITAP.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when KIA-eligible; a resident turning 17 on <paramref name="asOf"/> is not (a KIA is valid
    /// until 17 years less one day).</returns>
    /// <remarks>Permendagri 2/2016 issues a KIA to a foreign child only against a passport and a permanent stay permit (ITAP),
    /// so ITAS holders and expired ITAPs are excluded exactly as in <see cref="Evaluate"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public bool IsKiaEligible(Resident resident, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var age = AgeInYears(resident.BirthDate, asOf);
        return PresenceOrPermitExclusion(resident, asOf, age) == EligibilityExclusion.None
            && age < KiaAgeLimit
            && resident.MaritalStatus == MaritalStatus.NeverMarried;
    }

    /// <summary>Returns whether the resident is a child for birth-certificate coverage: present and aged 0 to under 18.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when a child; a resident turning 18 on <paramref name="asOf"/> is not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> is <see langword="null"/>.</exception>
    public bool IsChild(Resident resident, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var age = AgeInYears(resident.BirthDate, asOf);
        return PresenceExclusion(resident, asOf, age) == EligibilityExclusion.None && age < ChildAgeLimit;
    }

    /// <summary>Returns whether the resident is wajib KTP pemula in the interval: wajib KTP at its end, with the 17th birthday inside it.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="interval">The period, both ends inclusive.</param>
    /// <returns><see langword="true"/> when the resident newly became wajib KTP by age within <paramref name="interval"/>.</returns>
    /// <remarks>Married minors became wajib KTP on a marriage date the registry does not hold; they count as pemula only by their 17th birthday.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="resident"/> or <paramref name="interval"/> is <see langword="null"/>.</exception>
    public bool BecameWajibKtpWithin(Resident resident, DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(interval);
        var seventeenth = BirthdayOfAge(resident.BirthDate, WajibKtpAge);
        return seventeenth >= interval.Start && seventeenth <= interval.End && Evaluate(resident, interval.End).IsWajibKtp;
    }

    // The birthday in the year birthDate.Year + years; that year lies between the birth year and an as-of year, so it is in range.
    private LocalDate BirthdayOfAgeCore(LocalDate birthDate, int years)
    {
        var date = birthDate.PlusYears(years);
        if (LeapDayRule == LeapDayBirthdayRule.March1 && birthDate.Month == 2 && birthDate.Day == 29 && date.Day == 28)
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    private static EligibilityExclusion PresenceOrPermitExclusion(Resident resident, LocalDate asOf, int age)
    {
        var exclusion = PresenceExclusion(resident, asOf, age);
        return exclusion != EligibilityExclusion.None ? exclusion
            : resident.Citizenship == Citizenship.ForeignerWithItas ? EligibilityExclusion.ItasHolder
            : resident.Citizenship == Citizenship.ForeignerWithItap && resident.PermitExpiry is { } expiry && expiry < asOf ? EligibilityExclusion.ItapExpired
            : EligibilityExclusion.None;
    }

    private static EligibilityExclusion PresenceExclusion(Resident resident, LocalDate asOf, int age)
    {
        if (age < 0)
        {
            return EligibilityExclusion.NotYetBorn;
        }

        if (resident.LifeStatus != LifeStatus.Alive && (resident.LifeStatusDate is not { } date || date <= asOf))
        {
            return resident.LifeStatus == LifeStatus.Deceased ? EligibilityExclusion.Deceased : EligibilityExclusion.LivingAbroad;
        }

        return EligibilityExclusion.None;
    }
}
