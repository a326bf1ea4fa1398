namespace PouchMonitor.Host.Devices;

/// <summary>What one board needs to reach the broker: the content of its <c>I:\pouchmon.json</c> (docs/deploy.md).</summary>
/// <param name="DeviceId">The board's device id, also its MQTT user name and client id.</param>
/// <param name="MqttPassword">The board's own MQTT password.</param>
/// <param name="BrokerHost">Host name or IPv4 address of the broker as the board reaches it.</param>
/// <param name="BrokerPort">TCP port of the broker.</param>
/// <param name="CaPem">PEM of the CA that signed the broker's TLS certificate; null for plain MQTT.</param>
/// <param name="WifiSsid">The lab network.</param>
/// <param name="WifiPassword">Its password, empty for an open network.</param>
/// <param name="NtpServer">Time server; null for the firmware's default (pool.ntp.org).</param>
public sealed record BoardConfig(
    string DeviceId,
    string MqttPassword,
    string BrokerHost,
    int BrokerPort,
    string? CaPem,
    string WifiSsid,
    string WifiPassword,
    string? NtpServer);
