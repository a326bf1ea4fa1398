using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>The core as compiled against nanoFramework's mscorlib must load on a device: mscorlib only, no generics.</summary>
public sealed class NanoAssemblyTests : IDisposable
{
    private readonly PEReader _pe = new(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "PouchMonitor.Firmware.Core.Nano.dll")));

    private MetadataReader Metadata => _pe.GetMetadataReader();

    [Fact]
    public void AssemblyReferences_NanoBuild_AreOnlyNanoFrameworkMscorlib()
    {
        var references = Metadata.AssemblyReferences.Select(h => Metadata.GetAssemblyReference(h)).ToList();

        var reference = Assert.Single(references);
        Assert.Equal("mscorlib", Metadata.GetString(reference.Name));
        // nanoFramework.CoreLibrary 1.17.x is mscorlib 1.17; the desktop one is 4.0.0.0.
        Assert.Equal(new Version(1, 17), new Version(reference.Version.Major, reference.Version.Minor));
    }

    [Fact]
    public void Metadata_NanoBuild_HasNoGenericParametersOrInstantiations()
    {
        Assert.Equal(0, Metadata.GetTableRowCount(TableIndex.GenericParam));
        Assert.Equal(0, Metadata.GetTableRowCount(TableIndex.MethodSpec));
        Assert.Equal(0, Metadata.GetTableRowCount(TableIndex.GenericParamConstraint));
    }

    [Fact]
    public void TypeReferences_NanoBuild_ContainNoGenericTypes()
    {
        var generic = Metadata.TypeReferences
            .Select(h => Metadata.GetString(Metadata.GetTypeReference(h).Name))
            .Where(name => name.Contains('`', StringComparison.Ordinal));

        Assert.Empty(generic);
    }

    [Fact]
    public void TypeDefinitions_NanoBuild_IncludeTheCore()
    {
        var names = Metadata.TypeDefinitions.Select(h => Metadata.GetString(Metadata.GetTypeDefinition(h).Name)).ToList();

        Assert.Contains(nameof(FirmwareCore), names);
        Assert.Contains(nameof(ReadingRing), names);
    }

    public void Dispose() => _pe.Dispose();
}
