using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PouchMonitor.Host.Devices;

/// <summary>
/// Writes a board's <c>pouchmon.json</c> (the format firmware/PouchMonitor.Firmware.Core/BoardConfigParser.cs reads) and
/// the file-deployment JSON of nanoff that copies it to the board's internal drive.
/// </summary>
public static class BoardConfigFile
{
    /// <summary>Name of the config file, on the host and on the board.</summary>
    public const string FileName = "pouchmon.json";

    /// <summary>Where the firmware reads it: the internal littlefs drive of nanoFramework on ESP32.</summary>
    public const string BoardPath = @"I:\pouchmon.json";

    /// <summary>Name of nanoff's file-deployment JSON.</summary>
    public const string DeploymentFileName = "deploy.json";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the config file and the deployment file of <paramref name="device"/> into <paramref name="folder"/>.</summary>
    /// <remarks>The deployment file points at the config file where <see cref="DeviceProvisioning.Add"/> was told it lies.</remarks>
    public static void Write(ProvisionedDevice device, string folder)
    {
        ArgumentNullException.ThrowIfNull(device);
        Directory.CreateDirectory(folder);
        var configPath = Path.Combine(folder, FileName);
        File.WriteAllText(configPath, device.ConfigFile);
        if (!OperatingSystem.IsWindows())
        {
            // It holds the board's MQTT password and the Wi-Fi password.
            File.SetUnixFileMode(configPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(Path.Combine(folder, DeploymentFileName), device.DeploymentFile);
    }

    /// <summary>The nanoff command that deploys the files of <paramref name="deploymentPath"/>.</summary>
    /// <param name="deploymentPath">Where nanoff finds the deployment JSON.</param>
    /// <param name="serialPort">The port named in the deployment JSON, or null: the command then carries <c>--serialport PORT</c>.</param>
    public static string NanoffCommand(string deploymentPath, string? serialPort) =>
        $"nanoff {(serialPort is null ? "--serialport PORT " : "")}--filedeployment \"{deploymentPath}\"";

    /// <summary>The content of <see cref="FileName"/> for <paramref name="config"/>.</summary>
    public static string ConfigText(BoardConfig config) => Encoding.UTF8.GetString(ConfigJson(config));

    /// <summary>The content of <see cref="DeploymentFileName"/>: copy <paramref name="configPath"/> to <see cref="BoardPath"/>.</summary>
    public static string DeploymentText(string configPath, string? serialPort) => Encoding.UTF8.GetString(DeploymentJson(configPath, serialPort));

    private static byte[] ConfigJson(BoardConfig config) => Json(json =>
    {
        json.WriteNumber("v", 1);
        json.WriteString("deviceId", config.DeviceId);
        json.WriteString("wifiSsid", config.WifiSsid);
        json.WriteString("wifiPassword", config.WifiPassword);
        json.WriteString("brokerHost", config.BrokerHost);
        json.WriteNumber("brokerPort", config.BrokerPort);
        if (config.CaPem is not null)
        {
            json.WriteString("caPem", config.CaPem);
        }

        // The embedded broker wants the device id as user name (EmbeddedBroker); mosquitto's ACL patterns use it too.
        json.WriteString("mqttUsername", config.DeviceId);
        json.WriteString("mqttPassword", config.MqttPassword);
        if (config.NtpServer is not null)
        {
            json.WriteString("ntpServer", config.NtpServer);
        }
    });

    // nanoFirmwareFlasher README, "Deploy file to device storage": SerialPort (optional) and Files with
    // DestinationFilePath and SourceFilePath.
    private static byte[] DeploymentJson(string configPath, string? serialPort) => Json(json =>
    {
        if (serialPort is not null)
        {
            json.WriteString("SerialPort", serialPort);
        }

        json.WriteStartArray("Files");
        json.WriteStartObject();
        json.WriteString("DestinationFilePath", BoardPath);
        json.WriteString("SourceFilePath", configPath);
        json.WriteEndObject();
        json.WriteEndArray();
    });

    private static byte[] Json(Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Indented))
        {
            json.WriteStartObject();
            writeMembers(json);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
