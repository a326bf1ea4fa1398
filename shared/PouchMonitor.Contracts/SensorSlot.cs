namespace PouchMonitor.Contracts;

/// <summary>Where a sensor index is wired on the board.</summary>
/// <param name="SensorIndex">Sensor index (<c>s</c>), 0–15, as used in readings.</param>
/// <param name="Bus">I2C bus number (<c>bus</c>), 0 or 1.</param>
/// <param name="Address">7-bit I2C address (<c>addr</c>), 0x76 (118) or 0x77 (119).</param>
/// <param name="MuxChannel">TCA9548A channel (<c>mux</c>), 0–7, or null without a multiplexer.</param>
/// <param name="Chip">The configured chip (<c>chip</c>).</param>
public sealed record SensorSlot(int SensorIndex, int Bus, int Address, int? MuxChannel, SensorChip Chip);
