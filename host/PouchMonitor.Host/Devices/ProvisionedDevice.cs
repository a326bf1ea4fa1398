namespace PouchMonitor.Host.Devices;

/// <summary>A board just provisioned: its credential, its password (available this once) and its files.</summary>
/// <param name="Credential">The stored credential.</param>
/// <param name="Password">The board's MQTT password; only its hash is stored.</param>
/// <param name="ConfigFile">The content of <see cref="BoardConfigFile.FileName"/> (holds the MQTT and the Wi-Fi password).</param>
/// <param name="DeploymentFile">The content of nanoff's <see cref="BoardConfigFile.DeploymentFileName"/>, pointing at the config file.</param>
/// <param name="NanoffCommand">The nanoff command line that copies the config file to the board.</param>
public sealed record ProvisionedDevice(DeviceCredential Credential, string Password, string ConfigFile, string DeploymentFile, string NanoffCommand);
