using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PouchMonitor.Host.Lan;

/// <summary>The certificate the TLS listeners of broker and web app present, with its SHA-256 fingerprint for pinning.</summary>
/// <param name="Certificate">The certificate with its private key, loaded so SslStream can use the key on every platform.</param>
/// <param name="CertificateFile">The file it came from (a generated one's PEM lies in the data folder).</param>
/// <param name="Generated">True when the host made it itself (<see cref="GeneratedCertificate"/>).</param>
public sealed record HostCertificate(X509Certificate2 Certificate, string CertificateFile, bool Generated)
{
    /// <summary>SHA-256 of the certificate's DER bytes, as browsers and <c>openssl x509 -fingerprint -sha256</c> show it: <c>AB:CD:…</c>.</summary>
    public string Fingerprint { get; } = FingerprintOf(Certificate);

    /// <summary>The colon-separated SHA-256 fingerprint of <paramref name="certificate"/>.</summary>
    public static string FingerprintOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Loads <paramref name="loaded"/> again from PKCS#12: a key read from PEM (or made in memory) is ephemeral, and an
    /// SslStream server needs a key it can export (Linux) or that sits in a key store (Windows).
    /// </summary>
    public static X509Certificate2 WithUsableKey(X509Certificate2 loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
