using System.ComponentModel.DataAnnotations;
using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Mqtt;

/// <summary>How the host reaches the devices: its own embedded broker, or an external one.</summary>
public sealed class MqttOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>External broker, <c>mqtt://host:port</c> or <c>mqtts://host:port</c>; empty runs the embedded broker.</summary>
    public Uri? Broker { get; set; }

    /// <summary>Username at the external broker.</summary>
    public string? UserName { get; set; }

    /// <summary>Password at the external broker.</summary>
    public string? Password { get; set; }

    /// <summary>PEM file of the CA (or the self-signed certificate) that signed the external broker's TLS certificate.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Accept a TLS certificate that does not validate (a lab broker with a self-signed certificate).</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>Fixed client id, so the broker keeps this host's session (and its queued QoS 1 messages) across restarts.</summary>
    [Required]
    public string ClientId { get; set; } = "pouchmon-host";

    /// <summary>
    /// The devices this host takes from the external broker (partitioned hosts each take their own set); empty for every device.
    /// </summary>
    public List<string> DeviceSet { get; set; } = [];

    /// <summary>Address the embedded broker listens on.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the embedded broker.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Messages the embedded broker queues per client before it drops (MQTTnet's default of 250 loses data under load).</summary>
    [Range(1000, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>Device id to its password at the embedded broker; a device's username is its id.</summary>
    public Dictionary<string, string> Devices { get; set; } = [];

    /// <summary>True when the host runs its own broker.</summary>
    public bool IsEmbedded => Broker is null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Broker is not null && Broker.Scheme is not ("mqtt" or "mqtts"))
        {
            yield return new ValidationResult("must be mqtt://host:port or mqtts://host:port", [nameof(Broker)]);
        }

        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"'{BindAddress}' is not an IP address", [nameof(BindAddress)]);
        }

        if (CaCertificatePath is not null && !File.Exists(CaCertificatePath))
        {
            yield return new ValidationResult($"'{CaCertificatePath}' does not exist", [nameof(CaCertificatePath)]);
        }

        foreach (var result in ValidateDeviceSet())
        {
            yield return result;
        }

        foreach (var deviceId in Devices.Keys.Where(id => !DeviceId.IsValid(id)))
        {
            yield return new ValidationResult($"device id '{deviceId}' is not a valid topic level", [nameof(Devices)]);
        }

        foreach (var deviceId in Devices.Keys.Where(id => id == EmbeddedBroker.HostUserName || id == ClientId))
        {
            yield return new ValidationResult($"device id '{deviceId}' is the host's own login or client id", [nameof(Devices)]);
        }
    }

    /// <summary>True when <paramref name="deviceId"/> is one of this host's devices.</summary>
    public bool Takes(string deviceId) => DeviceSet.Count == 0 || DeviceSet.Contains(deviceId, StringComparer.Ordinal);

    private IEnumerable<ValidationResult> ValidateDeviceSet()
    {
        if (DeviceSet.Count > 0 && IsEmbedded)
        {
            // Devices log in to the embedded broker of the one host they are configured for: there is nothing to split.
            yield return new ValidationResult("needs an external broker (Mqtt:Broker)", [nameof(DeviceSet)]);
        }

        foreach (var deviceId in DeviceSet.Where(id => !DeviceId.IsValid(id)))
        {
            yield return new ValidationResult($"device id '{deviceId}' is not a valid topic level", [nameof(DeviceSet)]);
        }
    }
}
