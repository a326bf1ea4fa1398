using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace PouchMonitor.Host.Lan;

/// <summary>
/// Serving the lab network (<c>pouchmon serve --lan</c>): the embedded broker and the web app listen with TLS on the
/// lab's addresses, sign-in is required for reads, and plain MQTT and HTTP stay where they were configured (loopback by default).
/// </summary>
public sealed class LanOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Lan";

    /// <summary>The port of MQTT over TLS (IANA's "secure-mqtt").</summary>
    public const int DefaultMqttPort = 8883;

    /// <summary>Default of <see cref="HttpsPort"/>.</summary>
    public const int DefaultHttpsPort = 8443;

    /// <summary>Whether the TLS listeners run; <c>--lan</c> sets it.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// IP addresses the TLS listeners bind; empty for every interface. At most one IPv4 and one IPv6 address: MQTTnet
    /// binds one of each per endpoint.
    /// </summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>Port of the embedded broker's TLS listener.</summary>
    [Range(1, 65535)]
    public int MqttPort { get; set; } = DefaultMqttPort;

    /// <summary>Port of the web app's HTTPS listener.</summary>
    [Range(1, 65535)]
    public int HttpsPort { get; set; } = DefaultHttpsPort;

    /// <summary>The host's certificate: a PEM file (with <see cref="KeyFile"/>) or a PKCS#12 (PFX) file; empty to generate one.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM file of the private key of a PEM <see cref="CertificateFile"/>; empty when that file holds the key too.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Password of a PFX file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The addresses as parsed; empty for every interface.</summary>
    public IReadOnlyList<IPAddress> BoundAddresses() => [.. Addresses.Select(IPAddress.Parse)];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in Addresses.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"'{address}' is not an IP address", [nameof(Addresses)]);
        }

        var parsed = Addresses.Where(a => IPAddress.TryParse(a, out _)).Select(IPAddress.Parse).ToList();
        if (parsed.Count(a => a.AddressFamily == AddressFamily.InterNetwork) > 1
            || parsed.Count(a => a.AddressFamily == AddressFamily.InterNetworkV6) > 1)
        {
            yield return new ValidationResult("at most one IPv4 and one IPv6 address", [nameof(Addresses)]);
        }

        if (MqttPort == HttpsPort)
        {
            yield return new ValidationResult($"{MqttPort} is also Lan:HttpsPort", [nameof(MqttPort)]);
        }

        if (CertificateFile is null && (KeyFile is not null || CertificatePassword is not null))
        {
            yield return new ValidationResult("is for Lan:CertificateFile, which is not set", [KeyFile is not null ? nameof(KeyFile) : nameof(CertificatePassword)]);
        }
    }
}
