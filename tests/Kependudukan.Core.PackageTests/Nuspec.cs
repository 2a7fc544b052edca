using System.IO.Compression;
using System.Xml.Linq;

namespace Kependudukan.PackageTests;

/// <summary>Reads the nuspec a package carries.</summary>
internal static class Nuspec
{
    /// <summary>Returns the <c>metadata</c> element of the package's nuspec and its XML namespace.</summary>
    internal static (XElement Metadata, XNamespace Ns) ReadMetadata(ZipArchive package)
    {
        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        return (nuspec.Root.Element(ns + "metadata")!, ns);
    }
}
