using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PouchMonitor.Host.Lan;

/// <summary>
/// The self-signed certificate the host makes on its first start with <c>--lan</c> when no certificate file is
/// configured: RSA 2048, for this machine's name, <c>localhost</c> and its addresses, kept in <c>tls/</c> in the data
/// folder (the key readable by the host's user only) and used again on every later start.
/// </summary>
public static class GeneratedCertificate
{
    /// <summary>Folder in the data folder.</summary>
    public const string FolderName = "tls";

    /// <summary>Name of the certificate's PEM file: what boards (<c>caPem</c>) and browsers trust.</summary>
    public const string CertificateFileName = "pouchmon.crt";

    /// <summary>Name of the private key's PEM file.</summary>
    public const string KeyFileName = "pouchmon.key";

    // Apple's platforms refuse any TLS server certificate valid for longer (and Chrome on macOS with them).
    private static readonly TimeSpan Validity = TimeSpan.FromDays(825);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The path of the certificate's PEM file in <paramref name="dataFolder"/>.</summary>
    public static string CertificatePath(string dataFolder) => Path.Combine(Path.GetFullPath(dataFolder), FolderName, CertificateFileName);

    /// <summary>The stored certificate, or a new one when there is none yet or it has expired.</summary>
    public static HostCertificate LoadOrCreate(string dataFolder, IReadOnlyList<IPAddress> boundAddresses, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var certificatePath = CertificatePath(dataFolder);
        var keyPath = Path.Combine(Path.GetDirectoryName(certificatePath)!, KeyFileName);
        if (File.Exists(certificatePath))
        {
            using var stored = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (stored.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime)
            {
                return new HostCertificate(HostCertificate.WithUsableKey(stored), certificatePath, Generated: true);
            }
        }

        using var created = Create(Dns.GetHostName(), [.. LocalAddresses(), .. boundAddresses], time.GetUtcNow());
        Save(created, certificatePath, keyPath);
        return new HostCertificate(HostCertificate.WithUsableKey(created), certificatePath, Generated: true);
    }

    /// <summary>A self-signed server certificate for <paramref name="hostName"/>, <c>localhost</c> and <paramref name="addresses"/>.</summary>
    public static X509Certificate2 Create(string hostName, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}, O=PouchMonitor", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { hostName, "localhost" }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(name);
        }

        foreach (var address in addresses.Distinct())
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.Add(Validity));
    }

    // Loopback and every address of an interface that is up, so boards and browsers may use any of them.
    private static IEnumerable<IPAddress> LocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up || n.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !a.IsIPv6LinkLocal)
            .Append(IPAddress.Loopback)
            .Append(IPAddress.IPv6Loopback);

    // The key first, created owner-only, then the certificate: a certificate file means a complete pair.
    private static void Save(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        CreateOwnerOnlyFolder(Path.GetDirectoryName(certificatePath)!);
        WriteOwnerOnly(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        WriteOwnerOnly(certificatePath, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>Creates <paramref name="folder"/> (mode 0700 outside Windows) if it does not exist.</summary>
    internal static void CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Writes <paramref name="pem"/> to a new file of mode 0600 (outside Windows) and moves it over <paramref name="path"/>.</summary>
    internal static void WriteOwnerOnly(string path, string pem)
    {
        var temporary = path + ".tmp";
        // A temporary file left by a crash keeps its mode when opened again: start from none.
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
