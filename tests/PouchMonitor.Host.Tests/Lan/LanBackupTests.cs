using System.Runtime.Versioning;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Tests.Cli;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Lan;

/// <summary><c>pouchmon backup</c> and <c>restore</c> through their real command line keep a lan host's generated certificate.</summary>
[SupportedOSPlatform("linux")]
public sealed class LanBackupTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string Backup => Path.Combine(_folder.Path, "backup");

    private string Restored => Path.Combine(_folder.Path, "restored");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task BackupThenRestore_GeneratedCertificate_RestoredHostPresentsTheSameFingerprint()
    {
        string fingerprint;
        using (var host = await LanHost.StartAsync(Data))
        {
            fingerprint = host.Fingerprint;
            host.Kill();
        }

        var backup = await PouchmonProcess.Run("backup", "--data", Data, "--out", Backup);
        var restore = await PouchmonProcess.Run("restore", "--from", Backup, "--data", Restored);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        var restoredCertificate = GeneratedCertificate.CertificatePath(Restored);
        var restoredKey = Path.Combine(Path.GetDirectoryName(restoredCertificate)!, GeneratedCertificate.KeyFileName);
        Assert.Contains($"backed up {GeneratedCertificate.CertificatePath(Backup)}", backup.Stderr, StringComparison.Ordinal);
        Assert.Contains($"restored {restoredKey}", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(restoredCertificate)!));
        Assert.Equal((OwnerOnly, OwnerOnly), (File.GetUnixFileMode(restoredKey), File.GetUnixFileMode(restoredCertificate)));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(Backup, GeneratedCertificate.FolderName, GeneratedCertificate.KeyFileName)));

        using var restored = await LanHost.StartAsync(Restored);
        using var device = await restored.ConnectDeviceAsync(fingerprint);
        Assert.Equal(fingerprint, restored.Fingerprint);
    }

    [Fact]
    public async Task Restore_CertificateExistsWithoutReplace_RefusesWithOneLineBeforeCopyingAnything()
    {
        using (var host = await LanHost.StartAsync(Data))
        {
            host.Kill();
        }

        var backup = await PouchmonProcess.Run("backup", "--data", Data, "--out", Backup);
        Directory.CreateDirectory(Path.Combine(Restored, GeneratedCertificate.FolderName));
        await File.WriteAllTextAsync(GeneratedCertificate.CertificatePath(Restored), "the other host's certificate", TestContext.Current.CancellationToken);

        var refused = await PouchmonProcess.Run("restore", "--from", Backup, "--data", Restored);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--replace", Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Restored, "*.db"));
    }
}
