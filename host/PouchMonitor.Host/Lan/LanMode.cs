using PouchMonitor.Host.Hosting;

namespace PouchMonitor.Host.Lan;

/// <summary>Whether this host serves the lab network, as decided at start, and the certificate its TLS listeners present.</summary>
public sealed class LanMode
{
    private LanMode(LanOptions options, HostCertificate? certificate)
    {
        Options = options;
        Certificate = certificate;
    }

    /// <summary>Loopback and plain only, as without <c>--lan</c>.</summary>
    public static LanMode Off { get; } = new(new LanOptions(), null);

    /// <summary>The settings.</summary>
    public LanOptions Options { get; }

    /// <summary>The TLS certificate; null when off.</summary>
    public HostCertificate? Certificate { get; }

    /// <summary>True with <c>--lan</c> (<c>Lan:Enabled</c>).</summary>
    public bool IsOn => Certificate is not null;

    /// <summary>Loads the configured certificate or the generated one (made on the first start); off when not enabled.</summary>
    public static LanMode Start(LanOptions options, string dataFolder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return Off;
        }

        if (options.CertificateFile is not null)
        {
            return new LanMode(options, CertificateFile.Load(options));
        }

        try
        {
            return new LanMode(options, GeneratedCertificate.LoadOrCreate(dataFolder, options.BoundAddresses(), time));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new StartupException($"the TLS certificate in '{GeneratedCertificate.CertificatePath(dataFolder)}' cannot be used: {e.Message}", e);
        }
    }

    /// <summary>The one line <c>pouchmon serve</c> prints at start: where TLS listens and the fingerprint to pin; null when off.</summary>
    public string? StartLine()
    {
        if (Certificate is not { } certificate)
        {
            return null;
        }

        var addresses = Options.Addresses.Count == 0 ? "every interface" : string.Join(", ", Options.Addresses);
        var origin = certificate.Generated ? "generated" : "configured";
        return FormattableString.Invariant(
            $"TLS on {addresses}: MQTT port {Options.MqttPort}, HTTPS port {Options.HttpsPort}; certificate {certificate.CertificateFile} ({origin}), SHA-256 fingerprint {certificate.Fingerprint}");
    }
}
