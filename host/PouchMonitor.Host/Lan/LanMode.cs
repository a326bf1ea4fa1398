namespace PouchMonitor.Host.Lan;

/// <summary>Whether this host serves the lab network, as decided at start, and the certificate its TLS listeners present.</summary>
public sealed class LanMode
{
    private LanMode(LanOptions options, HostCertificate? certificate, bool embeddedBroker)
    {
        Options = options;
        Certificate = certificate;
        MqttPort = certificate is not null && embeddedBroker ? options.MqttPort : null;
    }

    /// <summary>Loopback and plain only, as without <c>--lan</c>.</summary>
    public static LanMode Off { get; } = new(new LanOptions(), null, embeddedBroker: false);

    /// <summary>The settings.</summary>
    public LanOptions Options { get; }

    /// <summary>The TLS certificate; null when off.</summary>
    public HostCertificate? Certificate { get; }

    /// <summary>True with <c>--lan</c> (<c>Lan:Enabled</c>).</summary>
    public bool IsOn => Certificate is not null;

    /// <summary>The embedded broker's TLS port; null when off or when an external broker (<c>Mqtt:Broker</c>) has its own TLS.</summary>
    public int? MqttPort { get; }

    /// <summary>Loads the configured certificate or the generated one (made on the first start); off when not enabled.</summary>
    /// <param name="options">The <c>Lan</c> section.</param>
    /// <param name="dataFolder">Where a generated certificate is kept.</param>
    /// <param name="embeddedBroker">True when the host runs its own broker, which then listens with TLS too.</param>
    /// <param name="time">The clock that says whether a generated certificate has expired.</param>
    public static LanMode Start(LanOptions options, string dataFolder, bool embeddedBroker, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return Off;
        }

        if (options.CertificateFile is not null)
        {
            return new LanMode(options, CertificateFile.Load(options), embeddedBroker);
        }

        try
        {
            return new LanMode(options, GeneratedCertificate.LoadOrCreate(dataFolder, options.BoundAddresses(), time), embeddedBroker);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new CertificateException($"the TLS certificate in '{GeneratedCertificate.CertificatePath(dataFolder)}' cannot be used: {e.Message}", e);
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
        var mqtt = MqttPort is { } port ? FormattableString.Invariant($"MQTT port {port}, ") : "";
        return FormattableString.Invariant(
            $"TLS on {addresses}: {mqtt}HTTPS port {Options.HttpsPort}; certificate {certificate.CertificateFile} ({origin}), SHA-256 fingerprint {certificate.Fingerprint}");
    }
}
