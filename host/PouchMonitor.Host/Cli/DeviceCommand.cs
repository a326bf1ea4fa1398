using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon device add | list | remove</c>: the MQTT credentials of boards at the embedded broker, and the config file
/// a new board gets on its internal drive (docs/deploy.md).
/// </summary>
internal static class DeviceCommand
{
    private const string WifiPasswordVariable = "POUCHMON_WIFI_PASSWORD";

    public static Command Create() => new("device", "Provision boards: their own MQTT credential at the embedded broker and their config file.")
    {
        AddCommand(), ListCommand(), RemoveCommand(),
    };

    private static Command AddCommand()
    {
        var data = DataOption();
        var id = IdOption();
        var broker = new Option<string>("--broker") { Description = "The broker as the board reaches it, mqtt://host:port or mqtts://host:port; default: mqtt://<this machine's name>:1883.", HelpName = "uri" };
        var ca = new Option<string>("--ca") { Description = "PEM file of the CA that signed the broker's TLS certificate (needed for mqtts://).", HelpName = "file" };
        var ssid = new Option<string>("--wifi-ssid") { Description = "The lab's Wi-Fi network.", Required = true, HelpName = "ssid" };
        var wifiPassword = new Option<string>("--wifi-password") { Description = $"Its password (or set {WifiPasswordVariable}, which keeps it out of the shell history); empty for an open network.", HelpName = "password" };
        var ntp = new Option<string>("--ntp-server") { Description = "Time server the board uses; default pool.ntp.org.", HelpName = "host" };
        var serialPort = new Option<string>("--serial-port") { Description = "The board's serial port, written into nanoff's deployment file (see nanoff --listports).", HelpName = "port" };
        var label = new Option<string>("--label") { Description = $"What the lab calls the board (at most {DeviceProvisioning.MaxLabelLength} characters), shown by 'device list' and the devices page.", HelpName = "text" };
        var output = new Option<string>("--out") { Description = "Folder for pouchmon.json and deploy.json; default device-<id>.", HelpName = "folder" };
        var command = new Command("add", "Create a device's MQTT credential (printed once, stored hashed) and write its config file and nanoff command. Exit 0: added; 2: unusable input or the device exists.")
        {
            data, id, label, broker, ca, ssid, wifiPassword, ntp, serialPort, output,
        };
        command.SetAction(parse =>
        {
            var deviceId = parse.GetRequiredValue(id);
            var dataFolder = parse.GetRequiredValue(data);
            var (brokerUri, caPath) = BrokerOf(dataFolder, parse.GetValue(broker), parse.GetValue(ca));
            return Add(
                dataFolder,
                caPath,
                parse.GetValue(wifiPassword) ?? Environment.GetEnvironmentVariable(WifiPasswordVariable),
                new DeviceProvisioningRequest(deviceId, parse.GetValue(label), brokerUri,
                    CaPem: null, parse.GetRequiredValue(ssid), WifiPassword: "", parse.GetValue(ntp), parse.GetValue(serialPort)),
                parse.GetValue(output) ?? $"device-{deviceId}");
        });
        return command;
    }

    private static Command ListCommand()
    {
        var data = DataOption();
        var command = new Command("list", "List the devices with a credential made by 'device add' (devices in Mqtt:Devices are not listed).") { data };
        command.SetAction(parse => Guarded("list", () =>
        {
            var devices = Provisioning(parse.GetRequiredValue(data)).List();
            Console.WriteLine(devices.Count == 0 ? "no devices" : "device id                         created (UTC)        label");
            foreach (var device in devices)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{device.DeviceId,-33} {device.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {device.Label}").TrimEnd());
            }

            return 0;
        }));
        return command;
    }

    private static Command RemoveCommand()
    {
        var data = DataOption();
        var id = IdOption();
        var command = new Command("remove", "Delete a device's credential: its next login to the embedded broker is refused. Its readings stay.") { data, id };
        command.SetAction(parse => Guarded("remove", () =>
        {
            var deviceId = parse.GetRequiredValue(id);
            if (!Provisioning(parse.GetRequiredValue(data)).Remove(deviceId, OptionName))
            {
                return Fail("remove", $"device '{deviceId}' has no credential");
            }

            Console.WriteLine($"device {deviceId} removed; a running host refuses its next login");
            return 0;
        }));
        return command;
    }

    private static int Add(
        string dataFolder, string? caPath, string? wifiPassword, DeviceProvisioningRequest request, string outputFolder) =>
        Guarded("add", () =>
        {
            if (wifiPassword is null)
            {
                return Fail("add", $"give the Wi-Fi password with --wifi-password or {WifiPasswordVariable} (empty for an open network)");
            }

            if (caPath is not null && (!File.Exists(caPath) || !File.ReadAllText(caPath).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)))
            {
                return Fail("add", $"--ca '{caPath}' is not a PEM certificate file");
            }

            var provisioning = Provisioning(dataFolder);
            var added = provisioning.Add(
                request with { WifiPassword = wifiPassword, CaPem = caPath is null ? null : File.ReadAllText(caPath) }, outputFolder, OptionName);
            try
            {
                BoardConfigFile.Write(added, outputFolder);
            }
            catch
            {
                // The password is lost with the file: a credential no board can use must not stay.
                provisioning.Remove(added.Credential.DeviceId, OptionName);
                throw;
            }

            var deviceId = added.Credential.DeviceId;
            Console.WriteLine($"device {deviceId} added; its MQTT user name is {deviceId} and its password (shown this once, stored hashed):");
            Console.WriteLine($"password: {added.Password}");
            Console.WriteLine($"config file: {Path.GetFullPath(Path.Combine(outputFolder, BoardConfigFile.FileName))} (holds both passwords: delete it once deployed)");
            if (caPath is not null)
            {
                Console.WriteLine($"tls: the board connects to {request.Broker} with TLS 1.2 and trusts {Path.GetFullPath(caPath)}");
            }

            Console.WriteLine($"deploy it to the board's {BoardConfigFile.BoardPath} with:");
            Console.WriteLine($"  {added.NanoffCommand}");
            return 0;
        });

    // The certificate 'serve --lan' generated in the data folder, when there is one, makes TLS on 8883 the default.
    private static (string Broker, string? CaPath) BrokerOf(string dataFolder, string? broker, string? caPath)
    {
        var generated = GeneratedCertificate.CertificatePath(dataFolder);
        var hostTls = File.Exists(generated) ? generated : null;
        broker ??= hostTls is null ? DeviceProvisioning.DefaultBroker(1883) : DeviceProvisioning.DefaultBroker(LanOptions.DefaultMqttPort, tls: true);
        var isTls = broker.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase);
        return (broker, caPath ?? (isTls ? hostTls : null));
    }

    private static string OptionName(ProvisioningField field) => field switch
    {
        ProvisioningField.DeviceId => "--id",
        ProvisioningField.Label => "--label",
        ProvisioningField.Broker => "--broker",
        ProvisioningField.CaPem => "--ca",
        ProvisioningField.WifiSsid => "--wifi-ssid",
        ProvisioningField.WifiPassword => "--wifi-password",
        ProvisioningField.NtpServer => "--ntp-server",
        _ => "--serial-port",
    };

    private static DeviceProvisioning Provisioning(string dataFolder) => new(new DeviceCredentialStore(new SqliteDatabase(dataFolder), TimeProvider.System));

    private static int Guarded(string verb, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            return Fail(verb, e.Message);
        }
        catch (ProvisioningException e)
        {
            return Fail(verb, e.Message);
        }
    }

    private static int Fail(string verb, string message)
    {
        Console.Error.WriteLine($"pouchmon device {verb}: {message}");
        return PouchmonCommand.UsageError;
    }

    private static Option<string> DataOption() =>
        new("--data") { Description = "Data folder of the host's SQLite store, as given to 'pouchmon serve' (Storage:DataFolder).", DefaultValueFactory = _ => "data", HelpName = "folder" };

    private static Option<string> IdOption() =>
        new("--id") { Description = "Device id: 1-32 of a-z, 0-9 and '-'; also its MQTT user name.", Required = true, HelpName = "id" };
}
