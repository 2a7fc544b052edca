using System.Text;
using Kependudukan.Identity;
using Kependudukan.Regions;

namespace Kependudukan.Tests.Regions;

public class RegionCatalogDefaultTests
{
    private static readonly RegionLevel[] Levels = [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village];

    private static readonly Lazy<Dictionary<RegionCode, (string Parent, string Name)>> CsvRows = new(ReadCsvFiles);

    [Fact]
    public void Counts_MatchKepmendagri2025()
    {
        var catalog = RegionCatalog.Default;

        Assert.Equal(38, catalog.CountAt(RegionLevel.Province));
        Assert.Equal(514, catalog.CountAt(RegionLevel.Regency));
        Assert.Equal(7_285, catalog.CountAt(RegionLevel.District));
        Assert.Equal(83_762, catalog.CountAt(RegionLevel.Village));
        Assert.Equal(38 + 514 + 7_285 + 83_762, catalog.Count);
    }

    [Fact]
    public void Regencies_Are416KabupatenAnd98Kota()
    {
        var regencies = RegionCatalog.Default.GetAll(RegionLevel.Regency);
        Assert.Equal(416, regencies.Count(r => !r.IsCity));
        Assert.Equal(98, regencies.Count(r => r.IsCity));
        Assert.All(regencies, r => Assert.StartsWith(r.IsCity ? "Kota " : "Kabupaten ", RegionCatalog.Default.GetName(r), StringComparison.Ordinal));
    }

    [Fact]
    public void KalimantanTimur_HasTheTenRegenciesAndCitiesOfDomainRule3()
    {
        (string Code, string Name)[] expected =
        [
            ("64.01", "Kabupaten Paser"),
            ("64.02", "Kabupaten Kutai Kartanegara"),
            ("64.03", "Kabupaten Berau"),
            ("64.07", "Kabupaten Kutai Barat"),
            ("64.08", "Kabupaten Kutai Timur"),
            ("64.09", "Kabupaten Penajam Paser Utara"),
            ("64.11", "Kabupaten Mahakam Ulu"),
            ("64.71", "Kota Balikpapan"),
            ("64.72", "Kota Samarinda"),
            ("64.74", "Kota Bontang"),
        ];

        var children = RegionCatalog.Default.GetChildren(RegionCode.Province(64));

        Assert.Equal(expected.Select(e => RegionCode.Parse(e.Code)), children);
        Assert.Equal(expected.Select(e => e.Name), children.Select(RegionCatalog.Default.GetName));
        Assert.Equal("Kalimantan Timur", RegionCatalog.Default.GetName(RegionCode.Province(64)));
    }

    [Fact]
    public void KotaSamarinda_HasTenDistricts()
    {
        var districts = RegionCatalog.Default.GetChildren(RegionCode.Regency(64, 72));
        Assert.Equal(10, districts.Count);
        Assert.Equal("Samarinda Ulu", RegionCatalog.Default.GetName(RegionCode.District(64, 72, 3)));
        Assert.All(districts, d => Assert.Equal(RegionCode.Regency(64, 72), d.Parent));
    }

    [Theory]
    [InlineData("35.13.15.2017", "Soka\"an")]
    [InlineData("35.29.22", "Ra\"as")]
    [InlineData("94.04.10.2004", "T\"Singa")]
    [InlineData("12.07.28.1007", "Lubuk Pakam I,II")]
    [InlineData("14.02.09.2010", "Lambang Sari I, II, III")]
    [InlineData("53.07.01.2021", "Regapu\u2019u")]
    [InlineData("13.05.16.2006", "Kampuang Tanjuang Koto Mambang Sungai Durian")]
    [InlineData("11", "Aceh")]
    [InlineData("64.72.01.1001", "Rawa Makmur")]
    public void GetName_QuotedCommaAndNonAsciiNames_ComeBackExactly(string code, string name)
    {
        Assert.Equal(name, RegionCatalog.Default.GetName(RegionCode.Parse(code)));
        Assert.True(RegionCatalog.Default.TryGetName(RegionCode.Parse(code), out var found));
        Assert.Equal(name, found);
    }

    [Fact]
    public void GetAncestors_Village_ProvinceRegencyDistrict()
    {
        var catalog = RegionCatalog.Default;
        var ancestors = catalog.GetAncestors(RegionCode.Parse("35.13.15.2017"));

        Assert.Equal([RegionCode.Parse("35"), RegionCode.Parse("35.13"), RegionCode.Parse("35.13.15")], ancestors);
        Assert.Equal(["Jawa Timur", "Kabupaten Probolinggo", "Krejengan"], ancestors.Select(catalog.GetName));
    }

    [Theory]
    [InlineData("64.04")] // Bulungan, now 65.01
    [InlineData("64.05")] // Malinau, now 65.02
    [InlineData("64.06")] // Nunukan, now 65.03
    [InlineData("64.10")] // Tana Tidung, now 65.04
    [InlineData("64.73")] // Kota Tarakan, now 65.71
    public void Contains_RegencyMovedToKalimantanUtara_IsFalse(string code)
    {
        var retired = RegionCode.Parse(code);
        Assert.False(RegionCatalog.Default.Contains(retired));
        Assert.Empty(RegionCatalog.Default.GetChildren(retired));

        // An old NIK registered there still parses, and its province is still known.
        var nik = Nik.Create(RegionCode.District(retired.ProvinceNumber, retired.RegencyNumber, 1), new NodaTime.LocalDate(1990, 5, 17), Sex.Female, 12);
        Assert.Equal(nik, Nik.Parse(nik.ToString()));
        Assert.False(RegionCatalog.Default.Contains(nik.RegistrationDistrict));
        Assert.Equal([RegionCode.Province(64)], RegionCatalog.Default.GetAncestors(nik.RegistrationDistrict));
    }

    [Fact]
    public void KalimantanUtara_HoldsTheMovedRegencies() =>
        Assert.Equal(
            ["Kabupaten Bulungan", "Kabupaten Malinau", "Kabupaten Nunukan", "Kabupaten Tana Tidung", "Kota Tarakan"],
            RegionCatalog.Default.GetChildren(RegionCode.Province(65)).Select(RegionCatalog.Default.GetName));

    [Fact]
    public void Villages_StartWith1Kelurahan2DesaOr3DesaAdat() =>
        Assert.All(RegionCatalog.Default.GetAll(RegionLevel.Village), v => Assert.InRange(v.VillageNumber / 1000, 1, 3));

    [Fact]
    public void Default_IsLoadedOnce()
    {
        var instances = new RegionCatalog[8];
        Parallel.For(0, instances.Length, i => instances[i] = RegionCatalog.Default);
        Assert.All(instances, c => Assert.Same(RegionCatalog.Default, c));
    }

    [Fact]
    public void Default_MatchesTheCsvFilesRowForRow()
    {
        var rows = CsvRows.Value;
        var catalog = RegionCatalog.Default;

        // Plain loops collecting mismatches: xunit's collection comparison is too slow for 91,599 rows.
        Assert.Equal(rows.Count, catalog.Count);
        foreach (var level in Levels)
        {
            Assert.True(rows.Keys.Where(c => c.Level == level).Order().SequenceEqual(catalog.GetAll(level)), $"Codes at level {level} differ.");
        }

        var mismatches = rows
            .Where(r => r.Value.Name != catalog.GetName(r.Key) || r.Value.Parent != (r.Key.Level == RegionLevel.Province ? string.Empty : r.Key.Parent.ToString()))
            .Select(r => r.Key.ToString())
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void GetChildren_EveryRegion_AgreesWithTheParentColumn()
    {
        var childrenByParent = CsvRows.Value
            .Where(r => r.Value.Parent.Length > 0)
            .GroupBy(r => r.Value.Parent, r => r.Key)
            .ToDictionary(g => g.Key, g => g.Order().ToList());
        var catalog = RegionCatalog.Default;

        var mismatches = Levels
            .SelectMany(catalog.GetAll)
            .Where(code => !(childrenByParent.TryGetValue(code.ToString(), out var list) ? list : []).SequenceEqual(catalog.GetChildren(code)))
            .Select(code => code.ToString())
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void LoadEmbedded_NamesDecodedConcurrently_AreCorrect()
    {
        var rows = CsvRows.Value;
        var catalog = RegionCatalog.LoadEmbedded();
        var villages = catalog.GetAll(RegionLevel.Village);

        // Several threads decode (and cache) the same names at once.
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < villages.Count; i += 7)
            {
                Assert.Equal(rows[villages[i]].Name, catalog.GetName(villages[i]));
            }
        });
        Assert.NotSame(RegionCatalog.Default, catalog);
    }

    [Fact]
    public void Ctor_FromTheCsvRows_EqualsDefault()
    {
        var catalog = new RegionCatalog(CsvRows.Value.Select(r => new RegionEntry(r.Key, r.Value.Name)));
        Assert.All(Levels, level => Assert.True(RegionCatalog.Default.GetAll(level).SequenceEqual(catalog.GetAll(level))));

        Assert.Equal(RegionCatalog.Default.GetChildren(RegionCode.Parse("35.13.15")), catalog.GetChildren(RegionCode.Parse("35.13.15")));
    }

    // The committed CSV files, read line by line here, independently of the build-time encoder (no name spans lines).
    private static Dictionary<RegionCode, (string Parent, string Name)> ReadCsvFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "data", "idn-area-data")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var rows = new Dictionary<RegionCode, (string, string)>();
        foreach (var file in new[] { "provinces.csv", "regencies.csv", "districts.csv", "villages.csv" })
        {
            foreach (var line in File.ReadLines(Path.Combine(directory.FullName, "data", "idn-area-data", file)).Skip(1))
            {
                var fields = SplitCsvLine(line);
                rows.Add(RegionCode.Parse(fields[0]), (fields.Count == 3 ? fields[1] : string.Empty, fields[^1]));
            }
        }

        return rows;
    }

    // RFC 4180 fields of one line: comma-separated, optionally in quotes with "" standing for one quote.
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var field = new StringBuilder();
                for (i++; line[i] != '"' || (i + 1 < line.Length && line[i + 1] == '"'); i++)
                {
                    field.Append(line[i]);
                    i += line[i] == '"' ? 1 : 0;
                }

                fields.Add(field.ToString());
                i++;
            }
            else
            {
                var end = line.IndexOf(',', i);
                fields.Add(line[i..(end < 0 ? line.Length : end)]);
                i = end < 0 ? line.Length : end;
            }

            if (i >= line.Length)
            {
                return fields;
            }

            Assert.Equal(',', line[i++]);
        }
    }
}
