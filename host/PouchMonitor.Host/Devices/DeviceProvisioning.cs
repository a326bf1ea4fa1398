using System.Net;
using System.Text.RegularExpressions;
using PouchMonitor.Contracts;
using FirmwareConfigParser = PouchMonitor.Firmware.Core.BoardConfigParser;

namespace PouchMonitor.Host.Devices;

/// <summary>
/// Adds, lists and removes the boards with a credential of their own at the embedded broker: one code path for
/// <c>pouchmon device</c> and the devices page. Adding makes the password (stored hashed, returned once), the board's
/// <c>pouchmon.json</c>, checked by the firmware's own parser, and the nanoff command that deploys it.
/// </summary>
public sealed partial class DeviceProvisioning(DeviceCredentialStore credentials)
{
    /// <summary>Longest label, in characters.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>
    /// The broker address a board is given unless told otherwise: this machine's name and <paramref name="port"/>,
    /// <c>mqtts://</c> when <paramref name="tls"/>.
    /// </summary>
    public static string DefaultBroker(int port, bool tls = false) => $"{(tls ? "mqtts" : "mqtt")}://{Dns.GetHostName().ToLowerInvariant()}:{port}";

    /// <summary>Makes the credential and the files of a new board.</summary>
    /// <param name="request">The board's settings.</param>
    /// <param name="folder">
    /// Where the config file will lie when nanoff runs, named in the deployment file and the command as full paths; null
    /// for a download, whose user keeps both files in one folder and runs nanoff there (bare file names).
    /// </param>
    /// <param name="name">How the caller names each field in messages (an option, a JSON property).</param>
    /// <exception cref="ProvisioningException">A field is unusable, or the device has a credential already.</exception>
    public ProvisionedDevice Add(DeviceProvisioningRequest request, string? folder, Func<ProvisioningField, string> name)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        CheckId(request.DeviceId, name);
        var broker = CheckBroker(request, name);
        var label = CheckLabel(request.Label, name);
        var password = DeviceCredentialStore.NewPassword();
        var config = new BoardConfig(request.DeviceId, password, broker.Host, broker.Port, request.CaPem, request.WifiSsid, request.WifiPassword,
            request.NtpServer);
        var configText = BoardConfigFile.ConfigText(config);
        CheckAsTheBoardReadsIt(configText, request, name);
        if (!credentials.TryAdd(request.DeviceId, label, password))
        {
            throw new ProvisioningException(
                $"device '{request.DeviceId}' already has a credential; remove it first to issue a new one", ProvisioningField.DeviceId, isConflict: true);
        }

        var configPath = folder is null ? BoardConfigFile.FileName : Path.GetFullPath(Path.Combine(folder, BoardConfigFile.FileName));
        var deploymentPath = folder is null ? BoardConfigFile.DeploymentFileName : Path.GetFullPath(Path.Combine(folder, BoardConfigFile.DeploymentFileName));
        var credential = credentials.List().Single(c => c.DeviceId == request.DeviceId);
        return new ProvisionedDevice(credential, password, configText, BoardConfigFile.DeploymentText(configPath, request.SerialPort),
            BoardConfigFile.NanoffCommand(deploymentPath, request.SerialPort));
    }

    /// <summary>Every board with a credential, by id.</summary>
    public IReadOnlyList<DeviceCredential> List() => credentials.List();

    /// <summary>Deletes the credential of <paramref name="deviceId"/>: its next login is refused; its stored readings stay.</summary>
    /// <returns>False when the device has no credential.</returns>
    /// <exception cref="ProvisioningException"><paramref name="deviceId"/> is not a valid device id.</exception>
    public bool Remove(string deviceId, Func<ProvisioningField, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckId(deviceId, name);
        return credentials.Remove(deviceId);
    }

    private static Uri CheckBroker(DeviceProvisioningRequest request, Func<ProvisioningField, string> name)
    {
        if (!Uri.TryCreate(request.Broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Host.Length == 0
            || uri.Port is < 1 or > 65535 || uri.AbsolutePath is not ("" or "/"))
        {
            throw Invalid(name, ProvisioningField.Broker, $"'{request.Broker}' must be mqtt://host:port or mqtts://host:port");
        }

        if (uri.Scheme == "mqtts" && request.CaPem is null)
        {
            throw Invalid(name, ProvisioningField.Broker,
                $"mqtts:// needs {name(ProvisioningField.CaPem)}, the PEM of the CA that signed the broker's certificate");
        }

        return uri;
    }

    private static void CheckId(string deviceId, Func<ProvisioningField, string> name)
    {
        if (!DeviceId.IsValid(deviceId))
        {
            throw Invalid(name, ProvisioningField.DeviceId,
                $"'{deviceId}' is not a valid device id (1-32 of a-z, 0-9 and '-', not starting with '-', not 'alerts')");
        }
    }

    private static string? CheckLabel(string? label, Func<ProvisioningField, string> name)
    {
        var trimmed = label?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length > MaxLabelLength || trimmed.Any(char.IsControl)
                ? throw Invalid(name, ProvisioningField.Label, $"must be at most {MaxLabelLength} characters on one line")
                : trimmed;
    }

    // The firmware refuses a file it cannot use (lengths of SSID, passwords, host; the CA's PEM): refuse it here instead.
    private static void CheckAsTheBoardReadsIt(string configText, DeviceProvisioningRequest request, Func<ProvisioningField, string> name)
    {
        var parser = new FirmwareConfigParser();
        if (parser.Parse(configText) is not null)
        {
            return;
        }

        var error = LinePrefix().Replace(parser.Error, "");
        var field = MemberName().Match(error).Groups[1].Value switch
        {
            "wifiSsid" => ProvisioningField.WifiSsid,
            "wifiPassword" => ProvisioningField.WifiPassword,
            "brokerHost" => ProvisioningField.Broker,
            "ntpServer" => ProvisioningField.NtpServer,
            "deviceId" => ProvisioningField.DeviceId,
            _ => request.CaPem is null ? ProvisioningField.Broker : ProvisioningField.CaPem,
        };
        throw Invalid(name, field, $"the board would refuse its config file: {error}");
    }

    private static ProvisioningException Invalid(Func<ProvisioningField, string> name, ProvisioningField field, string reason) =>
        new($"{name(field)} {reason}", field, isConflict: false);

    [GeneratedRegex(@"^line \d+: ")]
    private static partial Regex LinePrefix();

    [GeneratedRegex("^\"(\\w+)\"")]
    private static partial Regex MemberName();
}
