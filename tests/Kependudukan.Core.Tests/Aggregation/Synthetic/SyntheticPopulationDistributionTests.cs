using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Coverage;
using Kependudukan.Eligibility;
using Kependudukan.Recording;

namespace Kependudukan.Tests.Aggregation.Synthetic;

/// <summary>Checks a 200,000-resident population with default options against the published shares it is built from.</summary>
/// <remarks>Tolerances are about five standard deviations of the sampling error, so the tests are stable for any seed.</remarks>
public sealed class SyntheticPopulationDistributionTests : IClassFixture<SyntheticPopulationDistributionTests.Population>
{
    private readonly Population _population;

    public SyntheticPopulationDistributionTests(Population population) => _population = population;

    private List<Resident> Residents => _population.Residents;

    private List<Resident> Present => _population.Present;

    private int Age(Resident resident) => _population.Ages[resident];

    [Theory]
    [InlineData(0, 14, 23.33)]
    [InlineData(15, 64, 70.72)]
    [InlineData(65, 200, 5.95)]
    [InlineData(60, 200, 9.78)]
    [InlineData(0, 4, 7.54)]
    [InlineData(20, 24, 8.52)]
    [InlineData(75, 200, 1.75)]
    public void AgeShares_MatchCensus2020(int fromAge, int toAge, double percent)
    {
        // SP2020 (BPS, 21 January 2021): 0-14 23.33%, 15-64 70.72%, 65+ 5.95%, 60+ 9.78%; the bands are the documented approximation.
        var share = 100.0 * Present.Count(r => Age(r) >= fromAge && Age(r) <= toAge) / Present.Count;
        Assert.InRange(share, percent - 0.5, percent + 0.5);
    }

    [Fact]
    public void Niks_AreValidConsistentAndUnique()
    {
        Assert.Equal(200_000, Residents.Count);
        Assert.All(Residents, r =>
        {
            Assert.True(r.Nik.IsConsistentWith(r.BirthDate, r.Sex));
            Assert.Equal(r.Domicile.Parent, r.Nik.RegistrationDistrict);
            Assert.InRange(r.Nik.Serial, 1, 9999);
        });

        // Ages 0 and 100 share NIK birth digits (the century is not encoded); serials still keep NIKs distinct.
        Assert.Equal(Residents.Count, Residents.Select(r => r.Nik).Distinct().Count());
    }

    [Fact]
    public void Ages_StayWithinZeroTo100() => Assert.All(Residents, r => Assert.InRange(Age(r), 0, 100));

    [Fact]
    public void SexRatio_MatchesCensus2020()
    {
        // SP2020: 136,661,899 males and 133,542,018 females, 102.34 males per 100 females.
        var males = Residents.Count(r => r.Sex == Sex.Male);
        var ratio = 100.0 * males / (Residents.Count - males);
        Assert.InRange(ratio, 100.1, 104.6);
    }

    [Fact]
    public void WajibKtp_AboutSeventyThreePercent()
    {
        // Aged 17 or more under the pyramid: 100 − 23.33 − 2/5 × 8.52 = 73.26%, less foreigners without a KTP-el entitlement,
        // plus married 16-year-olds (1% of 1.7%).
        var counts = _population.Counts;
        Assert.InRange(100.0 * counts.WajibKtp / counts.Population, 72.75, 73.75);
        Assert.InRange(counts.WajibKtpByMarriage, 10, 70);
    }

    [Fact]
    public void RecordingRate_MatchesOption()
    {
        var counts = _population.Counts;
        Assert.InRange((double)counts.Recorded / counts.WajibKtp, 0.945, 0.955);
    }

    [Fact]
    public void BirthCertificateRate_MatchesOption()
    {
        var counts = _population.Counts;
        Assert.InRange((double)counts.ChildrenWithBirthCertificate / counts.Children, 0.892, 0.908);
    }

    [Fact]
    public void KiaCoverage_IsKiaRateTimesCertificateRate()
    {
        var counts = _population.Counts;
        Assert.InRange((double)counts.ChildrenUnder17WithKia / counts.ChildrenUnder17, 0.36 - 0.01, 0.36 + 0.01);
    }

    [Fact]
    public void KiaHolders_HaveBirthCertificateAndAreEligible() =>
        Assert.All(Residents.Where(r => r.HasKia), r =>
        {
            Assert.True(r.HasBirthCertificate);
            Assert.True(KtpEligibilityPolicy.Default.IsKiaEligible(r, _population.AsOf));
        });

    [Fact]
    public void DeceasedAndAbroad_MatchShares()
    {
        Assert.InRange(Residents.Count(r => r.LifeStatus == LifeStatus.Deceased) / (double)Residents.Count, 0.006 - 0.0009, 0.006 + 0.0009);
        Assert.InRange(Residents.Count(r => r.LifeStatus == LifeStatus.MovedAbroad) / (double)Residents.Count, 0.002 - 0.0005, 0.002 + 0.0005);
        Assert.All(Residents.Where(r => r.LifeStatus != LifeStatus.Alive), r =>
        {
            Assert.InRange(r.LifeStatusDate!.Value, r.BirthDate, _population.AsOf);
            Assert.True(r.LifeStatusDate.Value >= _population.AsOf.PlusYears(-5));
        });
    }

    [Fact]
    public void Foreigners_MatchShares()
    {
        var foreigners = Residents.Where(r => r.Citizenship != Citizenship.Wni).ToList();
        Assert.InRange(foreigners.Count, 50, 160);
        Assert.All(foreigners.Where(r => r.Citizenship == Citizenship.ForeignerWithItap), r => Assert.NotNull(r.PermitExpiry));
        Assert.All(foreigners.Where(r => r.Citizenship == Citizenship.ForeignerWithItas), r => Assert.Equal(KtpElStatus.Unregistered, r.RecordingStatus));
    }

    [Fact]
    public void MaritalStatus_FollowsAge()
    {
        Assert.All(Residents.Where(r => Age(r) < 16), r => Assert.Equal(MaritalStatus.NeverMarried, r.MaritalStatus));
        var sixteen = Present.Where(r => Age(r) == 16).ToList();
        Assert.InRange(sixteen.Count(r => r.MaritalStatus == MaritalStatus.Married) / (double)sixteen.Count, 0.003, 0.02);
        var forties = Present.Where(r => Age(r) is >= 40 and < 45).ToList();
        Assert.InRange(forties.Count(r => r.MaritalStatus != MaritalStatus.NeverMarried) / (double)forties.Count, 0.908, 0.932);
    }

    [Fact]
    public void RecordingDates_LieBetweenStartAndAsOf() =>
        Assert.All(Residents.Where(r => r.RecordingDate is not null), r =>
        {
            Assert.NotEqual(KtpElStatus.Unregistered, r.RecordingStatus);
            Assert.InRange(r.RecordingDate!.Value, new NodaTime.LocalDate(2011, 8, 1), _population.AsOf);
        });

    [Fact]
    public void Statuses_CoverTheLifecycle()
    {
        var wajib = Present.Where(r => KtpEligibilityPolicy.Default.Evaluate(r, _population.AsOf).IsWajibKtp).ToList();
        var issued = wajib.Count(r => r.RecordingStatus == KtpElStatus.CardIssued) / (double)wajib.Count;

        // 95% recorded × 89% of recorded statuses issued = 84.55%.
        Assert.InRange(issued, 0.8455 - 0.005, 0.8455 + 0.005);
        Assert.Contains(wajib, r => r.RecordingStatus == KtpElStatus.PrintReadyRecord);
        Assert.Contains(wajib, r => r.RecordingStatus == KtpElStatus.DuplicateRecord);
        Assert.Contains(wajib, r => r.RecordingStatus == KtpElStatus.EnrollFailureAtRegional);
    }

    public sealed class Population
    {
        public Population()
        {
            var options = SyntheticPopulationTests.Options(200_000, seed: 2025);
            AsOf = options.AsOf;
            Residents = [.. SyntheticPopulation.GenerateResidents(options)];
            Present = [.. Residents.Where(r => KtpEligibilityPolicy.Default.IsPresent(r, AsOf))];
            Counts = Residents.Aggregate(default(CoverageCounts), (sum, r) => sum + ResidentCounter.Count(r, AsOf));
            Ages = new(ReferenceEqualityComparer.Instance);
            foreach (var resident in Residents)
            {
                Ages[resident] = KtpEligibilityPolicy.Default.AgeInYears(resident.BirthDate, AsOf);
            }
        }

        public Dictionary<object, int> Ages { get; }

        public NodaTime.LocalDate AsOf { get; }

        public List<Resident> Residents { get; }

        public List<Resident> Present { get; }

        public CoverageCounts Counts { get; }
    }
}
