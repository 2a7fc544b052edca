using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kependudukan.PackageTests;

/// <summary>Installs Kependudukan.Core from a local folder feed (see <see cref="PackageFeed"/>) into a fresh console project and
/// runs the README's quick start, as a user installing from NuGet would.</summary>
public sealed partial class PackageConsumerTests(PackageFeed feed)
{
    [Fact]
    public void Package_InstalledFromFolderFeed_RunsReadmeQuickStart()
    {
        var root = RepositoryRootAttribute.Value;
        var version = feed.Version;
        var nupkg = feed.Package("Kependudukan.Core");
        Assert.True(File.Exists(Path.Combine(feed.Folder, $"Kependudukan.Core.{version}.snupkg")), "The symbol package is missing.");
        AssertPackageContents(nupkg);

        var (code, expected) = ReadQuickStart(Path.Combine(root, "README.md"));
        var app = feed.NewConsumer("core-app", "Kependudukan.Core", code);

        var (runExit, runOutput) = ProcessRunner.Run(app, "dotnet", "run");
        Assert.True(runExit == 0, runOutput);
        Assert.Equal(Normalize(expected), Normalize(runOutput[runOutput.IndexOf(FirstLine(expected), StringComparison.Ordinal)..]));
    }

    private static void AssertPackageContents(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", names);
        Assert.Contains("lib/net10.0/Kependudukan.Core.dll", names);
        Assert.Contains("lib/net10.0/Kependudukan.Core.xml", names);
        Assert.Contains(names, n => n.EndsWith("THIRD-PARTY-NOTICES.md", StringComparison.Ordinal));

        var (metadata, ns) = Nuspec.ReadMetadata(zip);
        Assert.Equal("Kependudukan.Core", metadata.Element(ns + "id")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.NotNull(metadata.Element(ns + "repository"));
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime"], dependencies);
    }

    /// <summary>Returns the first C# block after "## Quick start" and the text block that follows it (its output).</summary>
    private static (string Code, string Output) ReadQuickStart(string readmePath)
    {
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Quick start' section.");
        var match = QuickStartBlocks().Match(readme, start);
        Assert.True(match.Success, "The quick start needs a ```csharp block followed by a ```text block with its output.");
        return (match.Groups["code"].Value, match.Groups["output"].Value);
    }

    private static string FirstLine(string text) => Normalize(text).Split('\n')[0];

    private static string Normalize(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();

    [GeneratedRegex("```csharp\\n(?<code>.*?)```.*?```text\\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlocks();
}
