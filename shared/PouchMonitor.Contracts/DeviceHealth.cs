namespace PouchMonitor.Contracts;

/// <summary>Health a device reports in every <c>online</c> status message.</summary>
/// <param name="FirmwareVersion">Firmware version (<c>fw</c>), for example <c>1.0.0</c>.</param>
/// <param name="UptimeMs">Uptime (<c>up</c>) in ms since boot.</param>
/// <param name="Time">Device UTC time (<c>t</c>), or null before the first SNTP sync.</param>
/// <param name="ResetReason">
/// Why the device last started (<c>reset</c>): <c>power-on</c>, <c>watchdog</c>, <c>command</c>, <c>brownout</c>,
/// <c>panic</c>, <c>software</c> or <c>unknown</c>; lower-case letters, digits and '-', at most 32 characters.
/// </param>
/// <param name="FreeMemoryBytes">Free managed memory (<c>freeBytes</c>), in bytes.</param>
/// <param name="WifiRssiDbm">Wi-Fi signal (<c>rssiDbm</c>), in dBm, −127–0.</param>
/// <param name="Buffered">Readings stored on the device and not yet acknowledged by the broker (<c>buffered</c>).</param>
/// <param name="Dropped">Readings dropped because the buffer overflowed, since the buffer was created (<c>dropped</c>).</param>
/// <param name="IntervalS">Sampling interval (<c>intervalS</c>), in s.</param>
/// <param name="PublishIntervalS">Longest wait before pending readings are published (<c>publishIntervalS</c>), in s.</param>
public sealed record DeviceHealth(
    string FirmwareVersion,
    long UptimeMs,
    DateTimeOffset? Time,
    string ResetReason,
    long FreeMemoryBytes,
    int WifiRssiDbm,
    int Buffered,
    long Dropped,
    int IntervalS,
    int PublishIntervalS);
