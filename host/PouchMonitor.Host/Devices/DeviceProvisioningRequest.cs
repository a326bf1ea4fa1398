namespace PouchMonitor.Host.Devices;

/// <summary>What <see cref="DeviceProvisioning.Add"/> needs to make a board's credential and config file.</summary>
/// <param name="DeviceId">The id the board will use, also its MQTT user name.</param>
/// <param name="Label">What the lab calls the board, or null.</param>
/// <param name="Broker">The broker as the board reaches it: <c>mqtt://host:port</c> or <c>mqtts://host:port</c>.</param>
/// <param name="CaPem">PEM of the CA that signed the broker's certificate (needed for <c>mqtts://</c>), or null.</param>
/// <param name="WifiSsid">The lab's Wi-Fi network.</param>
/// <param name="WifiPassword">Its password, empty for an open network.</param>
/// <param name="NtpServer">Time server, or null for the firmware's default (pool.ntp.org).</param>
/// <param name="SerialPort">The board's serial port for nanoff's deployment file, or null (the command then says <c>--serialport PORT</c>).</param>
public sealed record DeviceProvisioningRequest(
    string DeviceId,
    string? Label,
    string Broker,
    string? CaPem,
    string WifiSsid,
    string WifiPassword,
    string? NtpServer,
    string? SerialPort);
