using Kependudukan.Regions;
using Kependudukan.Utility;
using NodaTime;
using static System.FormattableString;

namespace Kependudukan.Aggregation.Synthetic;

public sealed partial record SyntheticPopulationOptions
{
    private const long KaltimPopulation = 3_369_666;
    private const long KaltimWajibKtp = 2_197_959;
    private const long KaltimRecorded = 1_916_099;

    // Regency or city number, relative size, wajib KTP per resident (relative), recording coverage (relative), birth-certificate coverage.
    private static readonly (int Regency, double Size, double WajibShare, double Recording, double Certificate)[] s_kaltimRegencies =
    [
        (1, 275_452, 0.64, 0.86, 0.68),
        (2, 729_382, 0.64, 0.85, 0.62),
        (3, 248_035, 0.65, 0.84, 0.66),
        (7, 165_091, 0.63, 0.80, 0.58),
        (8, 434_459, 0.64, 0.82, 0.55),
        (9, 178_681, 0.65, 0.88, 0.79),
        (11, 32_513, 0.62, 0.74, 0.48),
        (71, 688_318, 0.67, 0.91, 0.73),
        (72, 827_994, 0.67, 0.89, 0.71),
        (74, 178_917, 0.66, 0.92, 0.82),
    ];

    /// <summary>Creates options for a synthetic Kalimantan Timur (province 64) that reproduces the province totals of a
    /// Disdukcapil KTP-el report exactly.</summary>
    /// <param name="asOf">The report date: the as-of date of every total.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="catalog">A catalog to take the villages of each regency and city from, or <see langword="null"/> for
    /// synthetic villages: districts 01-03 with villages 2001-2005 (desa) in each kabupaten and 1001-1005 (kelurahan) in each kota.</param>
    /// <returns>Calibrated options; change any other property with a <c>with</c> expression.</returns>
    /// <remarks>
    /// <para>Province totals, from the report: population 3,369,666; wajib KTP 2,197,959; recorded 1,916,099 (recording
    /// coverage 87.17%). They are exact on <paramref name="asOf"/>.</para>
    /// <para>The split over the ten regencies and cities is <em>illustrative</em>, not from the report: population in proportion
    /// to the 2020 census counts (64.01 Paser 275,452; 64.02 Kutai Kartanegara 729,382; 64.03 Berau 248,035; 64.07 Kutai Barat
    /// 165,091; 64.08 Kutai Timur 434,459; 64.09 Penajam Paser Utara 178,681; 64.11 Mahakam Ulu 32,513; 64.71 Balikpapan
    /// 688,318; 64.72 Samarinda 827,994; 64.74 Bontang 178,917); wajib KTP and recorded in proportion to plausible regional
    /// rates (cities a little higher); children (0 to under 18) set to the residents who are not wajib KTP, plus the 17-year-olds
    /// and married 16-year-olds, less the foreign adults without a KTP-el entitlement, each of those two at its natural share. Birth-certificate coverage of children 0 to under 18 is at least 75% only in 64.09 Penajam Paser Utara (79%)
    /// and 64.74 Bontang (82%), and below 75% everywhere else (48% to 73%), as in the report.</para>
    /// <para>Wajib KTP are 65.2% of the population, below the about 73% aged 17 or more that the national pyramid gives; the
    /// calibration makes the region younger to match.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside years 1900-9000.</exception>
    /// <exception cref="ArgumentException"><paramref name="catalog"/> has no village in one of the ten regencies and cities.</exception>
    public static SyntheticPopulationOptions KalimantanTimur(LocalDate asOf, long seed, RegionCatalog? catalog = null) =>
        KalimantanTimur(asOf, seed, catalog, divisor: 1);

    /// <summary>Creates the Kalimantan Timur options with every province total divided by <paramref name="divisor"/> (rounded), for fast tests.</summary>
    internal static SyntheticPopulationOptions KalimantanTimur(LocalDate asOf, long seed, RegionCatalog? catalog, int divisor)
    {
        Preconditions.CheckArgumentRange(nameof(asOf), asOf.Year, 1900, 9000);
        var villages = new List<RegionCode>();
        foreach (var entry in s_kaltimRegencies)
        {
            var regency = RegionCode.Regency(64, entry.Regency);
            var before = villages.Count;
            if (catalog is null)
            {
                for (var district = 1; district <= 3; district++)
                {
                    for (var village = 1; village <= 5; village++)
                    {
                        villages.Add(RegionCode.Village(64, entry.Regency, district, (regency.IsCity ? 1000 : 2000) + village));
                    }
                }
            }
            else
            {
                foreach (var district in catalog.GetChildren(regency))
                {
                    villages.AddRange(catalog.GetChildren(district).Where(v => v.Level == RegionLevel.Village));
                }

                if (villages.Count == before)
                {
                    throw new ArgumentException(Invariant($"The catalog has no village in {regency}."), nameof(catalog));
                }
            }
        }

        var options = new SyntheticPopulationOptions { AsOf = asOf, Seed = seed, Villages = villages };
        return options with { Calibration = KalimantanTimurTargets(new SyntheticModel(options), divisor) };
    }

    private static CalibrationTarget[] KalimantanTimurTargets(SyntheticModel model, int divisor)
    {
        var n = s_kaltimRegencies.Length;
        var population = new long[n];
        var wajib = new long[n];
        var recorded = new long[n];
        SyntheticLayout.Apportion(Divide(KaltimPopulation, divisor), s_kaltimRegencies.Select(r => r.Size).ToArray(), population);
        SyntheticLayout.Apportion(Divide(KaltimWajibKtp, divisor), s_kaltimRegencies.Select((r, i) => population[i] * r.WajibShare).ToArray(), wajib);
        SyntheticLayout.Apportion(Divide(KaltimRecorded, divisor), s_kaltimRegencies.Select((r, i) => wajib[i] * r.Recording).ToArray(), recorded);

        // Children: everyone not wajib KTP, plus the wajib KTP children (17-year-olds, married 16-year-olds), less the adults who
        // are not wajib KTP (foreigners), each at its natural share.
        var targets = new CalibrationTarget[n];
        for (var i = 0; i < n; i++)
        {
            var children = population[i] - wajib[i] + (long)Math.Round(population[i] * model.WajibChildShare) - (long)Math.Round(population[i] * model.AdultNotWajibShare);
            children = Math.Clamp(children, 0, population[i]);
            targets[i] = new CalibrationTarget
            {
                Region = RegionCode.Regency(64, s_kaltimRegencies[i].Regency),
                Population = population[i],
                WajibKtp = wajib[i],
                Recorded = recorded[i],
                Children = children,
                ChildrenWithBirthCertificate = (long)Math.Round(children * s_kaltimRegencies[i].Certificate),
            };
        }

        return targets;
    }

    private static long Divide(long total, int divisor) => (long)Math.Round((double)total / divisor, MidpointRounding.AwayFromZero);
}
