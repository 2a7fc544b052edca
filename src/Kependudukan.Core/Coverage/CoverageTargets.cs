namespace Kependudukan.Coverage;

/// <summary>Published coverage targets.</summary>
public static class CoverageTargets
{
    /// <summary>The source name of the RPJMN 2015-2019 targets.</summary>
    public const string Rpjmn2015To2019 = "RPJMN 2015-2019";

    /// <summary>Gets the RPJMN 2015-2019 birth-certificate coverage targets for children aged 0 to under 18.</summary>
    /// <value>Five targets on <see cref="CoverageIndicator.BirthCertificateCoverage"/>, in year order: 75% (2015), 77.5% (2016),
    /// 80% (2017), 82.5% (2018) and 85% (2019), each with source <see cref="Rpjmn2015To2019"/>.</value>
    public static IReadOnlyList<CoverageTarget> Rpjmn2015To2019BirthCertificate { get; } =
    [
        new(CoverageIndicator.BirthCertificateCoverage, 75m, 2015, Rpjmn2015To2019),
        new(CoverageIndicator.BirthCertificateCoverage, 77.5m, 2016, Rpjmn2015To2019),
        new(CoverageIndicator.BirthCertificateCoverage, 80m, 2017, Rpjmn2015To2019),
        new(CoverageIndicator.BirthCertificateCoverage, 82.5m, 2018, Rpjmn2015To2019),
        new(CoverageIndicator.BirthCertificateCoverage, 85m, 2019, Rpjmn2015To2019),
    ];
}
