using Kependudukan.Eligibility;
using Kependudukan.Recording;
using NodaTime;

namespace Kependudukan.Aggregation.Synthetic;

/// <summary>The precomputed tables that turn options into residents: ages, resident types, classes and status draws.</summary>
/// <remarks>
/// <para>A <em>type</em> is (age on the as-of date, citizenship kind, ever married); its natural weight is the product of the
/// age pyramid, the citizenship shares and the marital share at that age. Types fall into four <em>groups</em> by what the
/// calibrated totals see: child (under 18) or adult, and wajib KTP or not.</para>
/// <para>A <em>class</em> refines a group by the calibrated flags (recorded for wajib KTP residents, birth certificate for
/// children) and adds the residents who died or moved abroad before the as-of date. Uncalibrated rows draw their class
/// from the natural class shares; calibrated rows get it from an exact count per region (see <see cref="PlanClasses"/>).</para>
/// </remarks>
internal sealed class SyntheticModel
{
    internal const int MaxAge = 100;
    internal const int ClassCount = 10;

    internal const int ChildNotWajib = 0;
    internal const int ChildNotWajibWithCertificate = 1;
    internal const int ChildWajib = 2;
    internal const int ChildWajibWithCertificate = 3;
    internal const int ChildWajibRecorded = 4;
    internal const int ChildWajibRecordedWithCertificate = 5;
    internal const int AdultWajib = 6;
    internal const int AdultWajibRecorded = 7;
    internal const int AdultNotWajib = 8;
    internal const int NotPresent = 9;

    private const int GroupChildNotWajib = 0;
    private const int GroupChildWajib = 1;
    private const int GroupAdultWajib = 2;
    private const int GroupAdultNotWajib = 3;
    private const int GroupAll = 4;

    private const int Wni = 0;
    private const int ItapValid = 1;
    private const int ItapExpired = 2;
    private const int Itas = 3;
    private const int CitizenKinds = 4;

    private const double ExpiredItapShare = 1.0 / 6;
    private const int ItapValidDays = 5 * 365;
    private const int ItapExpiredDays = 365;
    private const double DivorcedShareOfEverMarried = 0.04;
    private const double AdultBirthCertificateRate = 0.7;
    private const double OldAgeDecay = 0.85;
    private const int SixteenYearsInDays = (16 * 365) + 4;

    // Per class: its group of types, and whether it is recorded and holds a birth certificate (1 yes, 0 no, -1 drawn from the natural rate).
    private static readonly int[] s_classGroup =
    [
        GroupChildNotWajib, GroupChildNotWajib, GroupChildWajib, GroupChildWajib, GroupChildWajib, GroupChildWajib,
        GroupAdultWajib, GroupAdultWajib, GroupAdultNotWajib, GroupAll,
    ];
    private static readonly sbyte[] s_classRecorded = [-1, -1, 0, 0, 1, 1, 0, 1, -1, -1];
    private static readonly sbyte[] s_classCertificate = [0, 1, 0, 1, 0, 1, -1, -1, -1, -1];

    private readonly int _asOfDay;
    private readonly int _dateBase;
    private readonly LocalDate[] _dates;
    private readonly int[] _ageLow;
    private readonly uint[] _ageSpan;
    private readonly byte[] _typeAge;
    private readonly byte[] _typeCitizen;
    private readonly bool[] _typeMarried;
    private readonly AliasTable[] _groupTypes;
    private readonly double[] _groupShares;
    private readonly AliasTable _classes;
    private readonly ulong[] _widowed;
    private readonly ulong[] _widowedOrDivorced;
    private readonly KtpElStatus[] _recordedStatuses;
    private readonly ulong[] _recordedCumulative;
    private readonly KtpElStatus[] _notRecordedStatuses;
    private readonly ulong[] _notRecordedCumulative;
    private readonly ulong _male;
    private readonly ulong _recording;
    private readonly ulong _earlyRecording;
    private readonly ulong _childCertificate;
    private readonly ulong _adultCertificate;
    private readonly ulong _kia;
    private readonly ulong _deceasedOfNotPresent;
    private readonly int _lifeWindowDays;
    private readonly int _recordingStartDay;
    private readonly double _nonPresentShare;

    internal SyntheticModel(SyntheticPopulationOptions options)
    {
        _asOfDay = DayNumber(options.AsOf);
        var ageWeights = AgeWeights(options.AgeBandShares);
        (_ageLow, _ageSpan) = AgeRanges(options.AsOf, options.Policy);
        _dateBase = _ageLow[MaxAge];
        _dates = new LocalDate[_asOfDay + ItapValidDays + 1 - _dateBase];
        for (var i = 0; i < _dates.Length; i++)
        {
            _dates[i] = LocalDate.FromDateOnly(DateOnly.FromDayNumber(_dateBase + i));
        }

        var citizenWeights = new double[CitizenKinds];
        var itap = options.ForeignerShare * options.ItapShareOfForeigners;
        citizenWeights[Wni] = 1 - options.ForeignerShare;
        citizenWeights[ItapValid] = itap * (1 - ExpiredItapShare);
        citizenWeights[ItapExpired] = itap * ExpiredItapShare;
        citizenWeights[Itas] = options.ForeignerShare * (1 - options.ItapShareOfForeigners);

        var typeCount = (MaxAge + 1) * CitizenKinds * 2;
        _typeAge = new byte[typeCount];
        _typeCitizen = new byte[typeCount];
        _typeMarried = new bool[typeCount];
        var weights = new double[typeCount];
        var fallback = new double[typeCount];
        var groupOf = new int[typeCount];
        for (var t = 0; t < typeCount; t++)
        {
            var age = t / (CitizenKinds * 2);
            var citizen = t / 2 % CitizenKinds;
            var married = t % 2 == 1;
            _typeAge[t] = (byte)age;
            _typeCitizen[t] = (byte)citizen;
            _typeMarried[t] = married;
            var everMarried = age < 16 ? 0 : age == 16 ? options.MarriedShareAtAge16 : options.EverMarriedShareByAgeBand[Math.Min(age / 5, 15)];
            var marital = married ? everMarried : 1 - everMarried;
            weights[t] = ageWeights[age] * citizenWeights[citizen] * marital;

            // The fallback keeps every feasible type possible, so calibration can demand a group the rates make empty.
            fallback[t] = married && age < 16 ? 0 : Math.Max(ageWeights[age], 1e-6) * Math.Max(citizenWeights[citizen], 1e-6) * Math.Max(marital, 1e-6);
            var wajib = citizen is Wni or ItapValid && (age >= KtpEligibilityPolicy.WajibKtpAge || married);
            groupOf[t] = age < KtpEligibilityPolicy.ChildAgeLimit
                ? wajib ? GroupChildWajib : GroupChildNotWajib
                : wajib ? GroupAdultWajib : GroupAdultNotWajib;
        }

        _groupTypes = new AliasTable[GroupAll + 1];
        _groupShares = new double[GroupAll];
        var total = SumInOrder(weights);
        for (var group = 0; group <= GroupAll; group++)
        {
            var natural = new double[typeCount];
            var floor = new double[typeCount];
            for (var t = 0; t < typeCount; t++)
            {
                var member = group == GroupAll || groupOf[t] == group;
                natural[t] = member ? weights[t] : 0;
                floor[t] = member ? fallback[t] : 0;
            }

            if (group < GroupAll)
            {
                _groupShares[group] = SumInOrder(natural) / total;
            }

            var table = AliasTable.Create(natural);
            _groupTypes[group] = table.IsEmpty ? AliasTable.Create(floor) : table;
        }

        _nonPresentShare = options.DeceasedShare + options.MovedAbroadShare;
        _classes = NaturalClasses(options);
        (_widowed, _widowedOrDivorced) = MaritalThresholds();
        (_recordedStatuses, _recordedCumulative) = StatusTable(options.RecordedStatusWeights);
        (_notRecordedStatuses, _notRecordedCumulative) = StatusTable(options.NotRecordedStatusWeights);
        _male = SplitMix64.Threshold(options.SexRatio / (100 + options.SexRatio));
        _recording = SplitMix64.Threshold(options.RecordingRate);
        _earlyRecording = SplitMix64.Threshold(options.RecordingRate / 2);
        _childCertificate = SplitMix64.Threshold(options.BirthCertificateRate);
        _adultCertificate = SplitMix64.Threshold(AdultBirthCertificateRate);
        _kia = SplitMix64.Threshold(options.KiaRate);
        _deceasedOfNotPresent = SplitMix64.Threshold(_nonPresentShare > 0 ? options.DeceasedShare / _nonPresentShare : 1);
        _lifeWindowDays = DayNumber(options.AsOf) - DayNumber(options.AsOf.PlusYears(-options.LifeEventWindowYears));
        _recordingStartDay = DayNumber(options.RecordingStart);
    }


    /// <summary>Gets the earliest birth date the model can draw (a resident aged 100 on the as-of date, born the day after
    /// their 101st birthday would fall).</summary>
    internal LocalDate EarliestBirthDate => _dates[0];

    /// <summary>Gets the natural share of wajib KTP children (17-year-olds and married 16-year-olds) in the present population.</summary>
    internal double WajibChildShare => _groupShares[GroupChildWajib];

    /// <summary>Gets the natural share of adults who are not wajib KTP (foreigners with an ITAS or an expired ITAP) in the present population.</summary>
    internal double AdultNotWajibShare => _groupShares[GroupAdultNotWajib];

    /// <summary>Gets the share of rows that are not present on the as-of date (deceased or abroad).</summary>
    internal double NonPresentShare => _nonPresentShare;

    /// <summary>Draws a class from the natural class shares.</summary>
    internal int DrawClass(ref Xoshiro256StarStar random) => _classes.Sample(ref random);

    /// <summary>Splits a calibration target into exact class counts.</summary>
    /// <remarks>Children and adults come straight from the target. The wajib KTP are split between children (17-year-olds and
    /// married 16-year-olds) and adults in their natural proportion, within what the counts allow; recorded residents are split
    /// in proportion to the wajib KTP, and birth certificates in proportion to the children.</remarks>
    internal long[] PlanClasses(CalibrationTarget target, long notPresent)
    {
        var p = target.Population;
        var c = target.Children;
        var w = target.WajibKtp;
        var r = target.Recorded;
        var b = target.ChildrenWithBirthCertificate;
        var adults = p - c;
        var wajibShare = _groupShares[GroupChildWajib] + _groupShares[GroupAdultWajib];
        var childShareOfWajib = wajibShare > 0 ? _groupShares[GroupChildWajib] / wajibShare : 0;
        var wajibChildren = Clamp((long)Math.Round(w * childShareOfWajib, MidpointRounding.AwayFromZero), Math.Max(0, w - adults), Math.Min(c, w));
        var wajibAdults = w - wajibChildren;
        var otherChildren = c - wajibChildren;
        var recordedChildren = Clamp(RoundedShare(r, wajibChildren, w), Math.Max(0, r - wajibAdults), Math.Min(wajibChildren, r));
        var certifiedWajibChildren = Clamp(RoundedShare(b, wajibChildren, c), Math.Max(0, b - otherChildren), Math.Min(wajibChildren, b));
        var both = Clamp(
            RoundedShare(recordedChildren, certifiedWajibChildren, wajibChildren),
            Math.Max(0, recordedChildren + certifiedWajibChildren - wajibChildren),
            Math.Min(recordedChildren, certifiedWajibChildren));
        var counts = new long[ClassCount];
        counts[ChildNotWajibWithCertificate] = b - certifiedWajibChildren;
        counts[ChildNotWajib] = otherChildren - counts[ChildNotWajibWithCertificate];
        counts[ChildWajibRecordedWithCertificate] = both;
        counts[ChildWajibRecorded] = recordedChildren - both;
        counts[ChildWajibWithCertificate] = certifiedWajibChildren - both;
        counts[ChildWajib] = wajibChildren - recordedChildren - certifiedWajibChildren + both;
        counts[AdultWajibRecorded] = r - recordedChildren;
        counts[AdultWajib] = wajibAdults - counts[AdultWajibRecorded];
        counts[AdultNotWajib] = adults - wajibAdults;
        counts[NotPresent] = notPresent;
        return counts;
    }

    /// <summary>Creates one resident of a class.</summary>
    internal ResidentRow CreateRow(int cls, ref Xoshiro256StarStar random, Regions.RegionCode domicile, ChunkGenerator serials)
    {
        var type = _groupTypes[s_classGroup[cls]].Sample(ref random);
        int age = _typeAge[type];
        int citizen = _typeCitizen[type];
        var married = _typeMarried[type];
        var present = cls != NotPresent;
        var birthDay = _ageLow[age] + (int)random.NextBelow(_ageSpan[age]);
        var sex = random.NextBool(_male) ? Sex.Male : Sex.Female;

        var marital = MaritalStatus.NeverMarried;
        if (married)
        {
            var r = random.NextUInt64();
            marital = age <= 16 || r >= _widowedOrDivorced[age] ? MaritalStatus.Married : r < _widowed[age] ? MaritalStatus.Widowed : MaritalStatus.Divorced;
        }

        var citizenship = Citizenship.Wni;
        LocalDate? permitExpiry = null;
        var recordingEnd = _asOfDay;
        if (citizen == ItapValid)
        {
            citizenship = Citizenship.ForeignerWithItap;
            permitExpiry = Date(_asOfDay + (int)random.NextBelow(ItapValidDays + 1));
        }
        else if (citizen == ItapExpired)
        {
            citizenship = Citizenship.ForeignerWithItap;
            recordingEnd = _asOfDay - 1 - (int)random.NextBelow(ItapExpiredDays);
            permitExpiry = Date(recordingEnd);
        }
        else if (citizen == Itas)
        {
            citizenship = Citizenship.ForeignerWithItas;
        }

        var lifeStatus = LifeStatus.Alive;
        LocalDate? lifeStatusDate = null;
        if (!present)
        {
            lifeStatus = random.NextBool(_deceasedOfNotPresent) ? LifeStatus.Deceased : LifeStatus.MovedAbroad;
            var first = Math.Max(birthDay, _asOfDay - _lifeWindowDays);
            var day = first + (int)random.NextBelow((uint)(_asOfDay - first + 1));
            lifeStatusDate = Date(day);
            recordingEnd = Math.Min(recordingEnd, day);
        }

        // Recording: the class fixes it for present wajib KTP residents; everyone else follows the natural rates.
        var wajibType = citizen is Wni or ItapValid && (age >= KtpEligibilityPolicy.WajibKtpAge || married);
        var recordedFlag = s_classRecorded[cls];
        bool recorded;
        if (recordedFlag >= 0)
        {
            recorded = recordedFlag == 1;
        }
        else if (citizen != Itas && age >= KtpEligibilityPolicy.MinimumRecordingAge)
        {
            recorded = random.NextBool(wajibType || age > KtpEligibilityPolicy.MinimumRecordingAge ? _recording : _earlyRecording);
        }
        else
        {
            recorded = false;
        }

        var status = KtpElStatus.Unregistered;
        LocalDate? recordingDate = null;
        if (recorded || wajibType)
        {
            status = recorded ? Draw(ref random, _recordedStatuses, _recordedCumulative) : Draw(ref random, _notRecordedStatuses, _notRecordedCumulative);
            if (status != KtpElStatus.Unregistered)
            {
                var first = Math.Max(_recordingStartDay, birthDay + SixteenYearsInDays);
                if (first > recordingEnd)
                {
                    if (present)
                    {
                        first = recordingEnd;
                    }
                    else
                    {
                        status = KtpElStatus.Unregistered;
                    }
                }

                if (status != KtpElStatus.Unregistered)
                {
                    recordingDate = Date(first + (int)random.NextBelow((uint)(recordingEnd - first + 1)));
                }
            }
        }

        var child = age < KtpEligibilityPolicy.ChildAgeLimit;
        var certificateFlag = s_classCertificate[cls];
        var certificate = certificateFlag >= 0 ? certificateFlag == 1 : random.NextBool(child ? _childCertificate : _adultCertificate);
        // KIA only for children the policy finds eligible: WNI or a valid ITAP (Permendagri 2/2016), under 17, never married.
        var kia = present && certificate && age < KtpEligibilityPolicy.KiaAgeLimit && !married && citizen != Itas && citizen != ItapExpired && random.NextBool(_kia);

        var birthDate = Date(birthDay);
        var serial = serials.NextSerial(birthDate, sex);
        return new ResidentRow
        {
            Nik = Identity.Nik.Create(serials.District, birthDate, sex, serial),
            Domicile = domicile,
            BirthDate = birthDate,
            Sex = sex,
            Citizenship = citizenship,
            PermitExpiry = permitExpiry,
            MaritalStatus = marital,
            LifeStatus = lifeStatus,
            LifeStatusDate = lifeStatusDate,
            RecordingStatus = status,
            RecordingDate = recordingDate,
            HasBirthCertificate = certificate,
            HasKia = kia,
        };
    }

    internal static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private static long Clamp(long value, long min, long max) => Math.Max(min, Math.Min(max, value));

    private static long RoundedShare(long total, long part, long whole) =>
        whole == 0 ? 0 : (long)((((Int128)total * part * 2) + whole) / (whole * 2));

    private static KtpElStatus Draw(ref Xoshiro256StarStar random, KtpElStatus[] statuses, ulong[] cumulative)
    {
        var r = random.NextUInt64();
        var i = 0;
        while (i < statuses.Length - 1 && r >= cumulative[i])
        {
            i++;
        }

        return statuses[i];
    }

    /// <summary>Adds in index order, so that the result never depends on how a runtime vectorises sums.</summary>
    private static double SumInOrder(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static (KtpElStatus[] Statuses, ulong[] Cumulative) StatusTable(IReadOnlyDictionary<KtpElStatus, double> weights)
    {
        // Most frequent first, so that the scan in Draw usually stops at the first entry.
        var entries = weights.Where(e => e.Value > 0).OrderByDescending(e => e.Value).ThenBy(e => e.Key).ToArray();
        var total = SumInOrder([.. entries.Select(e => e.Value)]);
        var statuses = new KtpElStatus[entries.Length];
        var cumulative = new ulong[entries.Length];
        var running = 0.0;
        for (var i = 0; i < entries.Length; i++)
        {
            running += entries[i].Value;
            statuses[i] = entries[i].Key;
            cumulative[i] = i == entries.Length - 1 ? ulong.MaxValue : SplitMix64.Threshold(running / total);
        }

        return (statuses, cumulative);
    }

    private static double[] AgeWeights(IReadOnlyList<double> bandShares)
    {
        var weights = new double[MaxAge + 1];
        var oldTotal = 0.0;
        var factor = 1.0;
        for (var age = 75; age <= MaxAge; age++, factor *= OldAgeDecay)
        {
            oldTotal += factor;
        }

        factor = 1.0;
        for (var age = 0; age <= MaxAge; age++)
        {
            if (age < 75)
            {
                weights[age] = bandShares[age / 5] / 5;
            }
            else
            {
                weights[age] = bandShares[15] * factor / oldTotal;
                factor *= OldAgeDecay;
            }
        }

        var sum = SumInOrder(weights);
        for (var age = 0; age <= MaxAge; age++)
        {
            weights[age] /= sum;
        }

        return weights;
    }

    /// <summary>Finds, for each age, the first day number and the number of birth days that give that age on the as-of date under the policy.</summary>
    private static (int[] Low, uint[] Span) AgeRanges(LocalDate asOf, KtpEligibilityPolicy policy)
    {
        // Youngest[a] is the latest birth date of someone aged a or more; ages are monotone in the birth date.
        var youngest = new int[MaxAge + 2];
        for (var age = 0; age <= MaxAge + 1; age++)
        {
            var candidate = asOf.PlusYears(-age);
            while (policy.AgeInYears(candidate.PlusDays(1), asOf) >= age)
            {
                candidate = candidate.PlusDays(1);
            }

            while (policy.AgeInYears(candidate, asOf) < age)
            {
                candidate = candidate.PlusDays(-1);
            }

            youngest[age] = DayNumber(candidate);
        }

        var low = new int[MaxAge + 1];
        var span = new uint[MaxAge + 1];
        for (var age = 0; age <= MaxAge; age++)
        {
            low[age] = youngest[age + 1] + 1;
            span[age] = (uint)(youngest[age] - low[age] + 1);
        }

        return (low, span);
    }

    private static (ulong[] Widowed, ulong[] WidowedOrDivorced) MaritalThresholds()
    {
        var widowed = new ulong[MaxAge + 1];
        var either = new ulong[MaxAge + 1];
        for (var age = 0; age <= MaxAge; age++)
        {
            var share = age switch
            {
                < 40 => 0.01,
                < 50 => 0.04,
                < 60 => 0.10,
                < 70 => 0.22,
                < 75 => 0.38,
                _ => 0.55,
            };
            widowed[age] = SplitMix64.Threshold(share);
            either[age] = SplitMix64.Threshold(share + DivorcedShareOfEverMarried);
        }

        return (widowed, either);
    }

    private AliasTable NaturalClasses(SyntheticPopulationOptions options)
    {
        var present = 1 - _nonPresentShare;
        var certificate = options.BirthCertificateRate;
        var recording = options.RecordingRate;
        var shares = new double[ClassCount];
        shares[ChildNotWajib] = present * _groupShares[GroupChildNotWajib] * (1 - certificate);
        shares[ChildNotWajibWithCertificate] = present * _groupShares[GroupChildNotWajib] * certificate;
        shares[ChildWajib] = present * _groupShares[GroupChildWajib] * (1 - recording) * (1 - certificate);
        shares[ChildWajibWithCertificate] = present * _groupShares[GroupChildWajib] * (1 - recording) * certificate;
        shares[ChildWajibRecorded] = present * _groupShares[GroupChildWajib] * recording * (1 - certificate);
        shares[ChildWajibRecordedWithCertificate] = present * _groupShares[GroupChildWajib] * recording * certificate;
        shares[AdultWajib] = present * _groupShares[GroupAdultWajib] * (1 - recording);
        shares[AdultWajibRecorded] = present * _groupShares[GroupAdultWajib] * recording;
        shares[AdultNotWajib] = present * _groupShares[GroupAdultNotWajib];
        shares[NotPresent] = _nonPresentShare;
        return AliasTable.Create(shares);
    }

    private LocalDate Date(int dayNumber) => _dates[dayNumber - _dateBase];
}
