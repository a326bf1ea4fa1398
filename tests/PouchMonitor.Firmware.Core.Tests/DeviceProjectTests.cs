using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>The device app cannot be built here; this keeps its package list and its references in step.</summary>
public partial class DeviceProjectTests
{
    private static readonly string DeviceProject = Path.Combine(RepositoryRoot(), "firmware", "PouchMonitor.Firmware");

    [Fact]
    public void PackagesConfig_EveryReferencedPackage_IsPinnedWithTheSameVersion()
    {
        var pinned = XDocument.Load(Path.Combine(DeviceProject, "packages.config")).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!, StringComparer.OrdinalIgnoreCase);
        var referenced = XDocument.Load(Path.Combine(DeviceProject, "PouchMonitor.Firmware.nfproj")).Descendants()
            .Where(e => e.Name.LocalName == "HintPath")
            .Select(e => PackageFolder().Match(e.Value))
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, match =>
        {
            Assert.True(match.Success, "a HintPath outside packages\\");
            string id = match.Groups["id"].Value;
            Assert.True(pinned.TryGetValue(id, out string? version), $"{id} is referenced but not in packages.config");
            Assert.Equal(version, match.Groups["version"].Value);
        });
    }

    [Fact]
    public void PackagesConfig_CoreLibrary_IsTheVersionCiCompilesAgainst()
    {
        string centralVersions = File.ReadAllText(Path.Combine(RepositoryRoot(), "Directory.Packages.props"));
        string config = File.ReadAllText(Path.Combine(DeviceProject, "packages.config"));

        string version = Regex.Match(centralVersions, "\"nanoFramework.CoreLibrary\" Version=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"id=\"nanoFramework.CoreLibrary\" version=\"{version}\"", config, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PouchMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PouchMonitor.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\")]
    private static partial Regex PackageFolder();
}
