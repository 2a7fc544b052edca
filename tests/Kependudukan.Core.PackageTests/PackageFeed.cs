[assembly: AssemblyFixture(typeof(Kependudukan.PackageTests.PackageFeed))]

namespace Kependudukan.PackageTests;

/// <summary>Packs Kependudukan.Core and Kependudukan.Data once, with one unique pre-release version, into a local folder feed
/// that the package tests install from.</summary>
public sealed class PackageFeed : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kependudukan-pkg-").FullName;
    private readonly Lazy<string> _packOutput;

    /// <summary>Initializes the feed; the packages are packed on first use.</summary>
    public PackageFeed()
    {
        Version = $"0.0.0-pkgtest.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        Folder = Path.Combine(_work, "feed");
        _packOutput = new Lazy<string>(Pack);
    }

    /// <summary>Gets the version of the packed packages.</summary>
    public string Version { get; }

    /// <summary>Gets the feed folder.</summary>
    public string Folder { get; }

    /// <summary>Returns the path of a packed package, packing both on first use.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The <c>.nupkg</c> path.</returns>
    public string Package(string id)
    {
        var output = _packOutput.Value;
        var nupkg = Path.Combine(Folder, $"{id}.{Version}.nupkg");
        Assert.True(File.Exists(nupkg), output);
        return nupkg;
    }

    /// <summary>Creates a fresh console project that references one package from the feed, with a <c>nuget.config</c> that
    /// adds the feed, warnings as errors and nullable on, as a careful user's project would be.</summary>
    /// <param name="name">The project folder's name.</param>
    /// <param name="packageId">The package to reference.</param>
    /// <param name="program">The text of <c>Program.cs</c>.</param>
    /// <returns>The project folder.</returns>
    public string NewConsumer(string name, string packageId, string program)
    {
        var app = Path.Combine(_work, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        return app;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private string Pack()
    {
        var root = RepositoryRootAttribute.Value;
        var log = new System.Text.StringBuilder();
        foreach (var project in new[] { "Kependudukan.Core", "Kependudukan.Data" })
        {
            var (exit, output) = ProcessRunner.Run(root, "dotnet", "pack", Path.Combine(root, "src", project), "-c", "Release",
                "-o", Folder, $"-p:Version={Version}", $"-p:ArtifactsPath={Path.Combine(_work, "artifacts")}");
            log.AppendLine(output);
            Assert.True(exit == 0, output);
        }

        return log.ToString();
    }
}
