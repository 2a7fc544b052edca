using Kependudukan.Aggregation.Synthetic;
using Kependudukan.Recording;
using Kependudukan.Regions;

namespace Kependudukan.Tests.Aggregation.Synthetic;

public class SyntheticPopulationOptionsTests
{
    [Fact]
    public void Indonesia2020AgeBandShares_ReproduceCensusGroups()
    {
        // BPS, Hasil Sensus Penduduk 2020: 0-14 23.33%, 15-64 70.72%, 65+ 5.95%, 60+ 9.78%.
        var shares = SyntheticPopulationOptions.Indonesia2020AgeBandShares;
        Assert.Equal(16, shares.Count);
        Assert.Equal(23.33, shares.Take(3).Sum(), 6);
        Assert.Equal(70.72, shares.Skip(3).Take(10).Sum(), 6);
        Assert.Equal(5.95, shares.Skip(13).Sum(), 6);
        Assert.Equal(9.78, shares.Skip(12).Sum(), 6);
    }

    [Fact]
    public void Validate_Defaults_Pass() => SyntheticPopulationTests.Options(100).Validate();

    [Fact]
    public void Validate_SeveralProblems_ListsEachOnItsOwnLine()
    {
        var options = SyntheticPopulationTests.Options(100) with
        {
            Population = -1,
            RegionSkew = double.NaN,
            RecordingRate = 1.5,
            DeceasedShare = 0.7,
            MovedAbroadShare = 0.4,
            EverMarriedShareByAgeBand = [.. Enumerable.Repeat(0.1, 16)],
            RecordedStatusWeights = new Dictionary<KtpElStatus, double> { [KtpElStatus.Unregistered] = 1 },
            MaxDegreeOfParallelism = 0,
        };
        var exception = Assert.Throws<ArgumentException>(options.Validate);
        string[] lines =
        [
            "The synthetic population options are invalid.",
            "",
            "Validation Errors:",
            "Population should be in range [0-2147483647]; got -1.",
            "RegionSkew should be in range [0-10]; got NaN.",
            "EverMarriedShareByAgeBand[0] (ages 0-4) should be 0; got 0.1.",
            "DeceasedShare + MovedAbroadShare should be below 1; got 1.1.",
            "RecordingRate should be in range [0-1]; got 1.5.",
            "RecordedStatusWeights should only hold statuses the mapping counts as recorded; Unregistered is NotRecorded.",
            "MaxDegreeOfParallelism should be -1 (one per processor) or 1 or more; got 0.",
        ];
        Assert.Equal(string.Join(Environment.NewLine, lines), exception.Message);
    }

    [Fact]
    public void Validate_BadVillages_Reported()
    {
        var village = RegionCode.Village(32, 1, 1, 2001);
        var options = SyntheticPopulationTests.Options(100) with { Villages = [village, RegionCode.District(32, 1, 1)] };
        Assert.Contains("Villages[1] should be a village code (PP.KK.CC.DDDD); got level District.", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
        options = options with { Villages = [village, village] };
        Assert.Contains("Villages[1] repeats village 32.01.01.2001.", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
        options = options with { Villages = [village], VillageWeights = [1, 2] };
        Assert.Contains("VillageWeights should have 1 entries; got 2.", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadCalibration_Reported()
    {
        var options = SyntheticPopulationCalibrationTests.Calibrated(SyntheticPopulationTests.Villages(2), 1_000);
        Assert.Contains("Population should be 0 when Calibration is set", Message(options with { Population = 5 }), StringComparison.Ordinal);

        var overlapping = options with { Calibration = [.. options.Calibration!, new CalibrationTarget { Region = RegionCode.District(32, 1, 1) }] };
        Assert.Contains("Calibration[2] (32.01.01) overlaps Calibration[0] (32.01).", Message(overlapping), StringComparison.Ordinal);

        var uncovered = options with { Calibration = [options.Calibration![0]] };
        Assert.Contains("Villages[4] (32.73.01.1001) lies in no calibration target.", Message(uncovered), StringComparison.Ordinal);

        var empty = options with { Calibration = [.. options.Calibration!, new CalibrationTarget { Region = RegionCode.Regency(33, 1) }] };
        Assert.Contains("Calibration[2] (33.01) contains none of the villages.", Message(empty), StringComparison.Ordinal);

        var inconsistent = options with { Calibration = [options.Calibration![0] with { Recorded = options.Calibration[0].WajibKtp + 1 }, options.Calibration[1]] };
        Assert.Contains("Calibration[0] (32.01) should have 0 ≤ Recorded ≤ WajibKtp ≤ Population", Message(inconsistent), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RecordingStartAfterAsOf_Reported()
    {
        var options = SyntheticPopulationTests.Options(100) with { AsOf = new NodaTime.LocalDate(2010, 1, 1) };
        Assert.Contains("RecordingStart (2011-08-01) should not be after AsOf (2010-01-01).", Message(options), StringComparison.Ordinal);
    }

    private static string Message(SyntheticPopulationOptions options) => Assert.Throws<ArgumentException>(options.Validate).Message;
}
