namespace Kependudukan.Coverage;

/// <summary>Exact counts for one region on one as-of date: everything the coverage indicators are computed from.</summary>
/// <remarks>
/// <para>Counts are independent of how they were computed (a loop over residents, the columnar engine, or a partial
/// reported by a regional office), so reports built from them are identical whichever produced them.</para>
/// <para>Only residents present on the as-of date (born, alive, not abroad) are counted. Recording counts
/// (<see cref="Recorded"/>, <see cref="PrintReady"/>, <see cref="Printed"/>, <see cref="RecordingFailed"/>, <see cref="Duplicates"/>)
/// are among wajib KTP residents. Counts add (<see cref="op_Addition"/>) to roll regions up as a ratio of sums.</para>
/// <para>The default value is all zeros.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly record struct CoverageCounts
{
    /// <summary>Gets the residents present on the as-of date (penduduk).</summary>
    /// <value>A count, 0 or more.</value>
    public long Population { get; init; }

    /// <summary>Gets the residents who are wajib KTP.</summary>
    /// <value>A count, equal to <see cref="WajibKtpByAge"/> + <see cref="WajibKtpByMarriage"/>.</value>
    public long WajibKtp { get; init; }

    /// <summary>Gets the wajib KTP residents aged 17 or more.</summary>
    /// <value>A count.</value>
    public long WajibKtpByAge { get; init; }

    /// <summary>Gets the wajib KTP residents under 17 who are or were married.</summary>
    /// <value>A count.</value>
    public long WajibKtpByMarriage { get; init; }

    /// <summary>Gets the wajib KTP residents whose biometrics are recorded (sudah rekam) on the as-of date.</summary>
    /// <value>A count, at most <see cref="WajibKtp"/>.</value>
    public long Recorded { get; init; }

    /// <summary>Gets the wajib KTP residents that are print-ready or beyond (print-ready, printed or issued).</summary>
    /// <value>A count, at most <see cref="Recorded"/>.</value>
    public long PrintReady { get; init; }

    /// <summary>Gets the wajib KTP residents whose card is printed (printed, shipped or issued).</summary>
    /// <value>A count, at most <see cref="PrintReady"/>.</value>
    public long Printed { get; init; }

    /// <summary>Gets the wajib KTP residents whose recording failed and must be repeated.</summary>
    /// <value>A count.</value>
    public long RecordingFailed { get; init; }

    /// <summary>Gets the wajib KTP residents whose record is a duplicate.</summary>
    /// <value>A count.</value>
    public long Duplicates { get; init; }

    /// <summary>Gets the residents aged 0 to under 18 (children for birth-certificate coverage).</summary>
    /// <value>A count.</value>
    public long Children { get; init; }

    /// <summary>Gets the children aged 0 to under 18 holding a birth certificate (akta kelahiran).</summary>
    /// <value>A count, at most <see cref="Children"/>.</value>
    public long ChildrenWithBirthCertificate { get; init; }

    /// <summary>Gets the residents under 17 (denominator of KIA coverage).</summary>
    /// <value>A count.</value>
    public long ChildrenUnder17 { get; init; }

    /// <summary>Gets the residents under 17 holding a child identity card (KIA).</summary>
    /// <value>A count, at most <see cref="ChildrenUnder17"/>.</value>
    public long ChildrenUnder17WithKia { get; init; }

    /// <summary>Gets the residents aged 16 who are not wajib KTP but may already record (WNI or valid ITAP, never married).</summary>
    /// <value>A count.</value>
    public long MayRecordEarly { get; init; }

    /// <summary>Gets the wajib KTP pemula: residents who became wajib KTP by turning 17 within the requested interval.</summary>
    /// <value>A count; 0 when no interval was requested.</value>
    public long NewlyWajibKtp { get; init; }

    /// <summary>Gets the wajib KTP residents not yet recorded (the recording backlog).</summary>
    /// <value><see cref="WajibKtp"/> − <see cref="Recorded"/>.</value>
    public long NotRecorded => WajibKtp - Recorded;

    /// <summary>Adds two sets of counts (roll-up as a ratio of sums).</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>The field-wise sum.</returns>
    /// <exception cref="OverflowException">A sum overflows 64 bits.</exception>
    public static CoverageCounts operator +(CoverageCounts left, CoverageCounts right) => Add(left, right);

    /// <summary>Adds two sets of counts (roll-up as a ratio of sums).</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>The field-wise sum.</returns>
    /// <exception cref="OverflowException">A sum overflows 64 bits.</exception>
    public static CoverageCounts Add(CoverageCounts left, CoverageCounts right) => new()
    {
        Population = checked(left.Population + right.Population),
        WajibKtp = checked(left.WajibKtp + right.WajibKtp),
        WajibKtpByAge = checked(left.WajibKtpByAge + right.WajibKtpByAge),
        WajibKtpByMarriage = checked(left.WajibKtpByMarriage + right.WajibKtpByMarriage),
        Recorded = checked(left.Recorded + right.Recorded),
        PrintReady = checked(left.PrintReady + right.PrintReady),
        Printed = checked(left.Printed + right.Printed),
        RecordingFailed = checked(left.RecordingFailed + right.RecordingFailed),
        Duplicates = checked(left.Duplicates + right.Duplicates),
        Children = checked(left.Children + right.Children),
        ChildrenWithBirthCertificate = checked(left.ChildrenWithBirthCertificate + right.ChildrenWithBirthCertificate),
        ChildrenUnder17 = checked(left.ChildrenUnder17 + right.ChildrenUnder17),
        ChildrenUnder17WithKia = checked(left.ChildrenUnder17WithKia + right.ChildrenUnder17WithKia),
        MayRecordEarly = checked(left.MayRecordEarly + right.MayRecordEarly),
        NewlyWajibKtp = checked(left.NewlyWajibKtp + right.NewlyWajibKtp),
    };
}
