namespace PouchMonitor.Host.Lan;

/// <summary>
/// Copies the generated certificate and its key (<see cref="GeneratedCertificate.FolderName"/> in the data folder) into
/// the same folder of a backup and back, owner-only (folder 0700, files 0600) on both sides, so a restored host presents
/// the certificate its boards pin. A data folder or a backup without one (a backup made before the certificate was
/// backed up) has nothing to copy.
/// </summary>
public static class CertificateBackup
{
    private static readonly string[] FileNames = [GeneratedCertificate.KeyFileName, GeneratedCertificate.CertificateFileName];

    /// <summary>Copies the certificate and key of <paramref name="dataFolder"/>, if any, into <paramref name="backupFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Backup(string dataFolder, string backupFolder) => Copy(dataFolder, backupFolder);

    /// <summary>Throws the <see cref="IOException"/> <see cref="Restore"/> would throw, before anything is copied.</summary>
    public static void CheckRestore(string backupFolder, string dataFolder, bool replace)
    {
        if (!Held(backupFolder))
        {
            return;
        }

        var target = Path.Combine(dataFolder, GeneratedCertificate.FolderName, GeneratedCertificate.CertificateFileName);
        if (!replace && File.Exists(target))
        {
            throw new IOException($"'{target}' exists; stop the host and restore with --replace to overwrite it");
        }
    }

    /// <summary>Copies the certificate and key of <paramref name="backupFolder"/>, if any, into <paramref name="dataFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Restore(string backupFolder, string dataFolder, bool replace)
    {
        CheckRestore(backupFolder, dataFolder, replace);
        return Copy(backupFolder, dataFolder);
    }

    private static bool Held(string folder) =>
        File.Exists(Path.Combine(folder, GeneratedCertificate.FolderName, GeneratedCertificate.CertificateFileName));

    // The key first, then the certificate: a certificate file means a complete pair, as GeneratedCertificate writes it.
    private static List<string> Copy(string fromFolder, string toFolder)
    {
        if (!Held(fromFolder))
        {
            return [];
        }

        var from = Path.Combine(fromFolder, GeneratedCertificate.FolderName);
        var to = Path.Combine(toFolder, GeneratedCertificate.FolderName);
        var texts = FileNames.Select(name => Read(Path.Combine(from, name))).ToList();
        GeneratedCertificate.CreateOwnerOnlyFolder(to);
        var written = new List<string>();
        for (var i = 0; i < FileNames.Length; i++)
        {
            var target = Path.Combine(to, FileNames[i]);
            GeneratedCertificate.WriteOwnerOnly(target, texts[i]);
            written.Add(target);
        }

        return written;
    }

    private static string Read(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new IOException($"'{path}' is missing beside its certificate");
}
