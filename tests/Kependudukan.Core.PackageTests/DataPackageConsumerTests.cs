using System.IO.Compression;
using System.Xml.Linq;

namespace Kependudukan.PackageTests;

/// <summary>Installs Kependudukan.Data (and, through its dependency, Kependudukan.Core) from a local folder feed into a fresh
/// console project that loads a CSV file with a bad row, writes the table to Parquet and loads it back.</summary>
public sealed class DataPackageConsumerTests(PackageFeed feed)
{
    private const string Program = """"
        using Kependudukan.Data;

        var csv = Path.Combine(AppContext.BaseDirectory, "penduduk.csv");
        File.WriteAllText(csv, """
            nik,domicile,birth_date,sex,citizenship,permit_expiry,marital_status,life_status,life_status_date,ktp_status,recording_date,birth_certificate,kia
            6472014506900001,64.72.01.1001,1990-06-05,P,WNI,,kawin,hidup,,CARD_ISSUED,2012-03-04,1,0
            6472011708450002,64.72.01.1001,1945-08-17,L,WNI,,kawin,hidup,,8,,1,0
            1234,64.72.01.1001,1945-08-17,L,WNI,,kawin,hidup,,8,,1,0

            """);
        using var rejects = new StringWriter();
        var loaded = ResidentCsv.LoadTable(csv, new ResidentLoadOptions { ErrorPolicy = LoadErrorPolicy.Quarantine, RejectWriter = rejects });
        Console.WriteLine($"read {loaded.Summary.RowsRead}, accepted {loaded.Summary.RowsAccepted}, rejected {loaded.Summary.RowsRejected}");
        Console.WriteLine(string.Join(',', rejects.ToString().Split('\n')[1].Split(',').Take(3)));   // line, column, kind

        var parquet = Path.ChangeExtension(csv, ".parquet");
        await ResidentParquet.WriteAsync(loaded.Data, parquet);
        var back = await ResidentParquet.LoadTableAsync(parquet);
        Console.WriteLine($"parquet: {back.Data.Count} rows, first born {back.Data.GetRow(0).BirthDate:uuuu-MM-dd}");
        """";

    [Fact]
    public void DataPackage_InstalledFromFolderFeed_LoadsCsvAndRoundTripsParquet()
    {
        var nupkg = feed.Package("Kependudukan.Data");
        AssertPackageContents(nupkg, feed.Version);

        var app = feed.NewConsumer("data-app", "Kependudukan.Data", Program);

        var (exit, output) = ProcessRunner.Run(app, "dotnet", "run");

        Assert.True(exit == 0, output);
        var lines = output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.FindIndex(l => l.StartsWith("read ", StringComparison.Ordinal));
        Assert.True(start >= 0, output);
        Assert.Equal(
            ["read 3, accepted 2, rejected 1", "4,nik,InvalidValue", "parquet: 2 rows, first born 1990-06-05"],
            lines.Skip(start).Take(3));
    }

    private static void AssertPackageContents(string nupkg, string version)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", names);
        Assert.Contains("lib/net10.0/Kependudukan.Data.dll", names);
        Assert.Contains("lib/net10.0/Kependudukan.Data.xml", names);

        var (metadata, ns) = Nuspec.ReadMetadata(zip);
        Assert.Equal("Kependudukan.Data", metadata.Element(ns + "id")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        var dependencies = metadata.Descendants(ns + "dependency")
            .ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!, StringComparer.Ordinal);
        Assert.Equal(["Kependudukan.Core", "Parquet.Net"], dependencies.Keys.Order(StringComparer.Ordinal));
        // Exactly the core version it was built with: the loaders use the core package's internals.
        Assert.Equal($"[{version}]", dependencies["Kependudukan.Core"]);
    }
}
