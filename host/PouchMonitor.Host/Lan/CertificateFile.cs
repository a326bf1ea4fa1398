using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
namespace PouchMonitor.Host.Lan;

/// <summary>Reads a configured certificate: PEM (certificate and key, in one file or two) or PKCS#12 (PFX).</summary>
public static class CertificateFile
{
    /// <summary>Loads the certificate of <paramref name="options"/>; a file that is missing or unusable is a <see cref="CertificateException"/> naming its key and path.</summary>
    public static HostCertificate Load(LanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificatePath = Existing(nameof(LanOptions.CertificateFile), options.CertificateFile!);
        var keyPath = options.KeyFile is null ? null : Existing(nameof(LanOptions.KeyFile), options.KeyFile);
        X509Certificate2 loaded;
        try
        {
            loaded = !IsPem(certificatePath) ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, options.CertificatePassword, X509KeyStorageFlags.Exportable)
                : options.CertificatePassword is null ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, options.CertificatePassword, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CertificateException(
                $"Lan:CertificateFile '{certificatePath}' is not a PEM certificate with its key (Lan:KeyFile) or a PFX file (Lan:CertificatePassword): {e.Message}", e);
        }

        using (loaded)
        {
            if (!loaded.HasPrivateKey)
            {
                throw new CertificateException($"Lan:CertificateFile '{certificatePath}' holds no private key");
            }

            return new HostCertificate(HostCertificate.WithUsableKey(loaded), certificatePath, Generated: false);
        }
    }

    private static string Existing(string key, string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new CertificateException($"Lan:{key} '{full}' does not exist");
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var start = new char[4096];
        var read = reader.ReadBlock(start);
        return new string(start, 0, read).Contains("-----BEGIN ", StringComparison.Ordinal);
    }
}
