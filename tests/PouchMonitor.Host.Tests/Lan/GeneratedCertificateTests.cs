using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Lan;

public sealed class GeneratedCertificateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LoadOrCreate_StillValid_SameCertificate()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = GeneratedCertificate.LoadOrCreate(_folder.Path, [], time);
        time.Advance(TimeSpan.FromDays(800));

        var again = GeneratedCertificate.LoadOrCreate(_folder.Path, [], time);

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.True(again.Certificate.HasPrivateKey);
    }

    [Fact]
    public void LoadOrCreate_Expired_MakesANewOne()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = GeneratedCertificate.LoadOrCreate(_folder.Path, [], time);
        time.Advance(TimeSpan.FromDays(826));

        var renewed = GeneratedCertificate.LoadOrCreate(_folder.Path, [], time);

        Assert.NotEqual(first.Fingerprint, renewed.Fingerprint);
        Assert.True(renewed.Certificate.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime);
        using var stored = X509CertificateLoader.LoadCertificateFromFile(GeneratedCertificate.CertificatePath(_folder.Path));
        Assert.Equal(renewed.Fingerprint, HostCertificate.FingerprintOf(stored));
    }

    [Fact]
    public void Create_ServerCertificate_NamesHostLocalhostAndAddressesAndIsNoCa()
    {
        using var certificate = GeneratedCertificate.Create("lab-pc", [IPAddress.Loopback, IPAddress.Parse("192.0.2.7")], DateTimeOffset.UtcNow);

        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["lab-pc", "localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.Parse("192.0.2.7")], names.EnumerateIPAddresses());
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal("1.3.6.1.5.5.7.3.1", certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value);
        Assert.True(certificate.NotAfter - certificate.NotBefore <= TimeSpan.FromDays(826));
    }
}
