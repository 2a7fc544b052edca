using Kependudukan.Recording;
using Kependudukan.Regions;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Synthetic;

public sealed partial record SyntheticPopulationOptions
{
    /// <summary>Checks every option and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">At least one option is invalid; the message lists each problem on its own line.</exception>
    public void Validate() => ThrowIfInvalid(null);

    internal void ThrowIfInvalid(string? paramName)
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException(FormatErrors(errors), paramName);
        }
    }

    internal static string FormatErrors(IReadOnlyList<string> errors) =>
        "The synthetic population options are invalid." + Environment.NewLine + Environment.NewLine + "Validation Errors:" + Environment.NewLine
        + string.Join(Environment.NewLine, errors);

    internal List<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (AsOf.Year is < 1900 or > 9000)
        {
            errors.Add(Invariant($"AsOf should be in years 1900-9000; got {AsOf:uuuu-MM-dd}."));
        }

        CheckVillages(errors);
        CheckPopulation(errors);
        if (!double.IsFinite(RegionSkew) || RegionSkew < 0 || RegionSkew > 10)
        {
            errors.Add(Invariant($"RegionSkew should be in range [0-10]; got {RegionSkew}."));
        }

        CheckWeights(errors, nameof(AgeBandShares), AgeBandShares, AgeBandCount);
        if (!double.IsFinite(SexRatio) || SexRatio <= 0)
        {
            errors.Add(Invariant($"SexRatio should be a finite number of males per 100 females above 0; got {SexRatio}."));
        }

        CheckEverMarried(errors);
        CheckShare(errors, nameof(MarriedShareAtAge16), MarriedShareAtAge16);
        CheckShare(errors, nameof(ForeignerShare), ForeignerShare);
        CheckShare(errors, nameof(ItapShareOfForeigners), ItapShareOfForeigners);
        CheckShare(errors, nameof(DeceasedShare), DeceasedShare);
        CheckShare(errors, nameof(MovedAbroadShare), MovedAbroadShare);
        if (DeceasedShare + MovedAbroadShare >= 1)
        {
            errors.Add(Invariant($"DeceasedShare + MovedAbroadShare should be below 1; got {DeceasedShare + MovedAbroadShare}."));
        }

        if (LifeEventWindowYears is < 1 or > 100)
        {
            errors.Add(Invariant($"LifeEventWindowYears should be in range [1-100]; got {LifeEventWindowYears}."));
        }

        CheckShare(errors, nameof(RecordingRate), RecordingRate);
        if (RecordingStart > AsOf)
        {
            errors.Add(Invariant($"RecordingStart ({RecordingStart:uuuu-MM-dd}) should not be after AsOf ({AsOf:uuuu-MM-dd})."));
        }

        CheckShare(errors, nameof(BirthCertificateRate), BirthCertificateRate);
        CheckShare(errors, nameof(KiaRate), KiaRate);
        if (Mapping is null)
        {
            errors.Add("Mapping should not be null.");
        }
        else
        {
            CheckStatusWeights(errors, nameof(RecordedStatusWeights), RecordedStatusWeights, recorded: true);
            CheckStatusWeights(errors, nameof(NotRecordedStatusWeights), NotRecordedStatusWeights, recorded: false);
        }

        if (Policy is null)
        {
            errors.Add("Policy should not be null.");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            errors.Add(Invariant($"MaxDegreeOfParallelism should be -1 (one per processor) or 1 or more; got {MaxDegreeOfParallelism}."));
        }

        CheckCalibration(errors);
        return errors;
    }

    private static void CheckShare(List<string> errors, string name, double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            errors.Add(Invariant($"{name} should be in range [0-1]; got {value}."));
        }
    }

    private static void CheckWeights(List<string> errors, string name, IReadOnlyList<double>? weights, int expectedCount)
    {
        if (weights is null)
        {
            errors.Add(Invariant($"{name} should not be null."));
            return;
        }

        if (weights.Count != expectedCount)
        {
            errors.Add(Invariant($"{name} should have {expectedCount} entries; got {weights.Count}."));
            return;
        }

        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                errors.Add(Invariant($"{name}[{i}] should be a finite weight of 0 or more; got {weights[i]}."));
                return;
            }

            sum += weights[i];
        }

        if (!(sum > 0) || !double.IsFinite(sum))
        {
            errors.Add(Invariant($"{name} should have a finite positive sum; got {sum}."));
        }
    }

    private void CheckVillages(List<string> errors)
    {
        if (Villages is null)
        {
            errors.Add("Villages should not be null.");
            return;
        }

        var seen = new HashSet<RegionCode>();
        for (var i = 0; i < Villages.Count; i++)
        {
            var code = Villages[i];
            if (code.Level != RegionLevel.Village)
            {
                errors.Add(Invariant($"Villages[{i}] should be a village code (PP.KK.CC.DDDD); got level {code.Level}."));
                return;
            }

            if (!seen.Add(code))
            {
                errors.Add(Invariant($"Villages[{i}] repeats village {code}."));
                return;
            }
        }

        if (VillageWeights is not null)
        {
            CheckWeights(errors, nameof(VillageWeights), VillageWeights, Villages.Count);
        }
    }

    private void CheckPopulation(List<string> errors)
    {
        if (Population is < 0 or > int.MaxValue)
        {
            errors.Add(Invariant($"Population should be in range [0-{int.MaxValue}]; got {Population}."));
        }

        if (Calibration is not null && Population != 0)
        {
            errors.Add(Invariant($"Population should be 0 when Calibration is set (the targets fix the size); got {Population}."));
        }

        if (Calibration is null && Population > 0 && Villages is { Count: 0 })
        {
            errors.Add("Villages should not be empty when Population is above 0.");
        }
    }

    private void CheckEverMarried(List<string> errors)
    {
        CheckWeights(errors, nameof(EverMarriedShareByAgeBand), EverMarriedShareByAgeBand, AgeBandCount);
        if (EverMarriedShareByAgeBand is not { Count: AgeBandCount })
        {
            return;
        }

        for (var band = 0; band < AgeBandCount; band++)
        {
            var share = EverMarriedShareByAgeBand[band];
            if (band < 3 && share != 0)
            {
                errors.Add(Invariant($"EverMarriedShareByAgeBand[{band}] (ages {band * 5}-{(band * 5) + 4}) should be 0; got {share}."));
                return;
            }

            if (share > 1)
            {
                errors.Add(Invariant($"EverMarriedShareByAgeBand[{band}] should be in range [0-1]; got {share}."));
                return;
            }
        }
    }

    private void CheckStatusWeights(List<string> errors, string name, IReadOnlyDictionary<KtpElStatus, double>? weights, bool recorded)
    {
        if (weights is null)
        {
            errors.Add(Invariant($"{name} should not be null."));
            return;
        }

        var sum = 0.0;
        foreach (var (status, weight) in weights)
        {
            if (status is < KtpElStatus.Unregistered or > KtpElStatus.DuplicateRecord)
            {
                errors.Add(Invariant($"{name} has a key that is not a defined KtpElStatus other than None: {(int)status}."));
                return;
            }

            if (RecordingStatusMapping.IsRecorded(Mapping.GetCategory(status)) != recorded)
            {
                errors.Add(Invariant($"{name} should only hold statuses the mapping counts as {(recorded ? "recorded" : "not recorded")}; {status} is {Mapping.GetCategory(status)}."));
                return;
            }

            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add(Invariant($"{name}[{status}] should be a finite weight of 0 or more; got {weight}."));
                return;
            }

            sum += weight;
        }

        if (!(sum > 0))
        {
            errors.Add(Invariant($"{name} should have a positive sum of weights; got {sum}."));
        }
    }

    private void CheckCalibration(List<string> errors)
    {
        if (Calibration is null || Villages is null)
        {
            return;
        }

        var rows = 0L;
        var nonPresentShare = DeceasedShare + MovedAbroadShare;
        for (var i = 0; i < Calibration.Count; i++)
        {
            var t = Calibration[i];
            if (t.Region.Level == RegionLevel.None)
            {
                errors.Add(Invariant($"Calibration[{i}] has the default region code."));
                return;
            }

            if (t.Population < 0 || t.WajibKtp < 0 || t.Recorded < 0 || t.Children < 0 || t.ChildrenWithBirthCertificate < 0
                || t.Recorded > t.WajibKtp || t.WajibKtp > t.Population || t.ChildrenWithBirthCertificate > t.Children || t.Children > t.Population)
            {
                errors.Add(Invariant($"Calibration[{i}] ({t.Region}) should have 0 ≤ Recorded ≤ WajibKtp ≤ Population and 0 ≤ ChildrenWithBirthCertificate ≤ Children ≤ Population; got Population {t.Population}, WajibKtp {t.WajibKtp}, Recorded {t.Recorded}, Children {t.Children}, ChildrenWithBirthCertificate {t.ChildrenWithBirthCertificate}."));
                return;
            }

            rows += t.Population <= int.MaxValue && nonPresentShare is >= 0 and < 1 ? t.Population + NonPresentRows(t.Population, nonPresentShare) : (long)int.MaxValue + 1;
            if (rows > int.MaxValue)
            {
                errors.Add(Invariant($"Calibration targets, with the deceased and emigrated rows added, should total at most {int.MaxValue} rows."));
                return;
            }
        }

        var index = TargetIndex.Create(Calibration, out var overlap);
        if (overlap is { } pair)
        {
            errors.Add(Invariant($"Calibration[{pair.Second}] ({Calibration[pair.Second].Region}) overlaps Calibration[{pair.First}] ({Calibration[pair.First].Region})."));
            return;
        }

        var used = new bool[Calibration.Count];
        for (var v = 0; v < Villages.Count; v++)
        {
            var target = index.Find(Villages[v]);
            if (target < 0)
            {
                errors.Add(Invariant($"Villages[{v}] ({Villages[v]}) lies in no calibration target."));
                return;
            }

            used[target] = true;
        }

        var unused = Array.IndexOf(used, false);
        if (unused >= 0)
        {
            errors.Add(Invariant($"Calibration[{unused}] ({Calibration[unused].Region}) contains none of the villages."));
        }
    }

    /// <summary>Returns the deceased and emigrated rows added to a calibrated region of <paramref name="present"/> residents.</summary>
    internal static long NonPresentRows(long present, double nonPresentShare) =>
        (long)Math.Round(present * nonPresentShare / (1 - nonPresentShare), MidpointRounding.AwayFromZero);
}

/// <summary>Finds the calibration target that contains a village by looking up the village and its ancestors.</summary>
internal sealed class TargetIndex
{
    private readonly Dictionary<RegionCode, int> _byRegion;

    private TargetIndex(Dictionary<RegionCode, int> byRegion) => _byRegion = byRegion;

    /// <summary>Indexes the targets; <paramref name="overlap"/> names the first pair of targets where one lies within the other.</summary>
    internal static TargetIndex Create(IReadOnlyList<CalibrationTarget> targets, out (int First, int Second)? overlap)
    {
        var byRegion = new Dictionary<RegionCode, int>();
        overlap = null;
        for (var i = 0; i < targets.Count; i++)
        {
            if (!byRegion.TryAdd(targets[i].Region, i))
            {
                overlap ??= (byRegion[targets[i].Region], i);
            }
        }

        var index = new TargetIndex(byRegion);
        for (var i = 0; i < targets.Count && overlap is null; i++)
        {
            var region = targets[i].Region;
            if (region.Level > RegionLevel.Province && index.Find(region.Parent) is var outer and >= 0)
            {
                overlap = (Math.Min(outer, i), Math.Max(outer, i));
            }
        }

        return index;
    }

    /// <summary>Returns the index of the target that contains <paramref name="code"/> (or is it), or −1.</summary>
    internal int Find(RegionCode code)
    {
        for (var level = code.Level; level >= RegionLevel.Province; level--)
        {
            if (_byRegion.TryGetValue(code.ToLevel(level), out var index))
            {
                return index;
            }
        }

        return -1;
    }
}
