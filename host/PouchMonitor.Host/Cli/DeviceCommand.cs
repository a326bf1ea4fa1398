using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using PouchMonitor.Contracts;
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
        var broker = new Option<string>("--broker")
        {
            Description = "The broker as the board reaches it, mqtt://host:port or mqtts://host:port; default: mqtts://<this machine's name>:8883 "
                + "when the data folder holds the certificate 'serve --lan' generated, else mqtt://<this machine's name>:1883.",
            HelpName = "uri",
        };
        var ca = new Option<string>("--ca")
        {
            Description = "PEM file of the CA that signed the broker's TLS certificate (for mqtts://); default: the certificate 'serve --lan' generated.",
            HelpName = "file",
        };
        var ssid = new Option<string>("--wifi-ssid") { Description = "The lab's Wi-Fi network.", Required = true, HelpName = "ssid" };
        var wifiPassword = new Option<string>("--wifi-password") { Description = $"Its password (or set {WifiPasswordVariable}, which keeps it out of the shell history); empty for an open network.", HelpName = "password" };
        var ntp = new Option<string>("--ntp-server") { Description = "Time server the board uses; default pool.ntp.org.", HelpName = "host" };
        var serialPort = new Option<string>("--serial-port") { Description = "The board's serial port, written into nanoff's deployment file (see nanoff --listports).", HelpName = "port" };
        var output = new Option<string>("--out") { Description = "Folder for pouchmon.json and deploy.json; default device-<id>.", HelpName = "folder" };
        var command = new Command("add", "Create a device's MQTT credential (printed once, stored hashed) and write its config file and nanoff command. Exit 0: added; 2: unusable input or the device exists.")
        {
            data, id, broker, ca, ssid, wifiPassword, ntp, serialPort, output,
        };
        command.SetAction(parse =>
        {
            var deviceId = parse.GetRequiredValue(id);
            return Add(
                parse.GetRequiredValue(data),
                deviceId,
                parse.GetValue(broker),
                parse.GetValue(ca),
                (parse.GetRequiredValue(ssid), parse.GetValue(wifiPassword) ?? Environment.GetEnvironmentVariable(WifiPasswordVariable)),
                parse.GetValue(ntp),
                parse.GetValue(serialPort),
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
            var devices = Store(parse.GetRequiredValue(data)).List();
            Console.WriteLine(devices.Count == 0 ? "no devices" : "device id                         created (UTC)");
            foreach (var device in devices)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device.DeviceId,-33} {device.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}"));
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
            if (!Store(parse.GetRequiredValue(data)).Remove(deviceId))
            {
                return Fail("remove", $"device '{deviceId}' has no credential");
            }

            Console.WriteLine($"device {deviceId} removed; a running host refuses its next login");
            return 0;
        }));
        return command;
    }

    private static int Add(
        string dataFolder, string deviceId, string? givenBroker, string? givenCaPath, (string Ssid, string? Password) wifi, string? ntpServer, string? serialPort,
        string outputFolder) =>
        Guarded("add", () =>
        {
            var (broker, caPath) = BrokerOf(dataFolder, givenBroker, givenCaPath);
            if (!DeviceId.IsValid(deviceId))
            {
                return Fail("add", $"'{deviceId}' is not a valid device id (1-32 of a-z, 0-9 and '-', not starting with '-', not 'alerts')");
            }

            if (wifi.Password is null)
            {
                return Fail("add", $"give the Wi-Fi password with --wifi-password or {WifiPasswordVariable} (empty for an open network)");
            }

            if (BrokerError(broker, caPath) is { } error)
            {
                return Fail("add", error);
            }

            var brokerUri = new Uri(broker);
            var caPem = caPath is null ? null : File.ReadAllText(caPath);
            var store = Store(dataFolder);
            if (!store.TryAdd(deviceId, out var password))
            {
                return Fail("add", $"device '{deviceId}' already has a credential; 'pouchmon device remove --id {deviceId}' first to issue a new one");
            }

            string nanoff;
            try
            {
                var config = new BoardConfig(deviceId, password, brokerUri.Host, brokerUri.Port, caPem, wifi.Ssid, wifi.Password, ntpServer);
                nanoff = BoardConfigFile.Write(config, outputFolder, serialPort);
            }
            catch
            {
                // The password is lost with the file: a credential no board can use must not stay.
                store.Remove(deviceId);
                throw;
            }

            Console.WriteLine($"device {deviceId} added; its MQTT user name is {deviceId} and its password (shown this once, stored hashed):");
            Console.WriteLine($"password: {password}");
            Console.WriteLine($"config file: {Path.GetFullPath(Path.Combine(outputFolder, BoardConfigFile.FileName))} (holds both passwords: delete it once deployed)");
            if (caPath is not null)
            {
                Console.WriteLine($"tls: the board connects to {brokerUri.Host}:{brokerUri.Port} with TLS 1.2 and trusts {Path.GetFullPath(caPath)}");
            }

            Console.WriteLine($"deploy it to the board's {BoardConfigFile.BoardPath} with:");
            Console.WriteLine($"  {nanoff}");
            return 0;
        });

    // The certificate 'serve --lan' generated in the data folder, when there is one, makes TLS on 8883 the default.
    private static (string Broker, string? CaPath) BrokerOf(string dataFolder, string? broker, string? caPath)
    {
        var hostName = Dns.GetHostName().ToLowerInvariant();
        var generated = GeneratedCertificate.CertificatePath(dataFolder);
        var hostTls = File.Exists(generated) ? generated : null;
        broker ??= hostTls is null ? $"mqtt://{hostName}:1883" : $"mqtts://{hostName}:{LanOptions.DefaultMqttPort}";
        var isTls = broker.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase);
        return (broker, caPath ?? (isTls ? hostTls : null));
    }

    private static string? BrokerError(string broker, string? caPath)
    {
        if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Host.Length == 0 || uri.Port is < 1 or > 65535)
        {
            return $"--broker '{broker}' must be mqtt://host:port or mqtts://host:port";
        }

        if (uri.Scheme == "mqtts" && caPath is null)
        {
            return "--broker mqtts:// needs --ca, the PEM file of the CA that signed the broker's certificate (none generated by 'serve --lan' in --data)";
        }

        if (caPath is not null && (!File.Exists(caPath) || !File.ReadAllText(caPath).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)))
        {
            return $"--ca '{caPath}' is not a PEM certificate file";
        }

        return null;
    }

    private static DeviceCredentialStore Store(string dataFolder) => new(new SqliteDatabase(dataFolder), TimeProvider.System);

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
